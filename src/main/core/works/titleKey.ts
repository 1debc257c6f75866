/**
 * The key two film titles are compared by: accents, case, punctuation and spacing do not count,
 * so “Amélie”, “AMELIE” and “Amelie!” are one title. Used by the offline resolver and the
 * duplicate finder, so both agree on what "the same title" means.
 */
export function titleKey(title: string): string {
  return titleWords(title).join(' ')
}

/** The folded words of a title (NFKD, marks removed, lower case), split on anything but letters and digits. */
export function titleWords(title: string): string[] {
  return (
    title
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []
  )
}
