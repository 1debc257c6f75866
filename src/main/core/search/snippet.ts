import type { SnippetPart } from '../../../shared/contract/search'

/** A snippet as one plain line (for the command line). */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join('')
}
