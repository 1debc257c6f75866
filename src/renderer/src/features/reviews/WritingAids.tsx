import { readingMinutes } from '../../../../shared/conversions/plainText'
import { useTextCounts, type TextCounts } from '../../editor/textCounts/useTextCounts'
import { countOf } from '../../ui/counts'

interface Props {
  initialCounts: TextCounts
  targetWords: number | null
}

const format = (n: number) => n.toLocaleString()

/** Live words, characters and reading time, with progress toward the target length. Render it inside `ReviewBodyEditor`, whose text it counts. */
export function WritingAids({ initialCounts, targetWords }: Props) {
  const counts = useTextCounts(initialCounts)
  const minutes = readingMinutes(counts.words)
  const share = targetWords ? Math.min(1, counts.words / targetWords) : 0
  return (
    <footer className="writing-aids" aria-label="Writing aids">
      <span data-testid="word-count">{countOf(counts.words, 'word')}</span>
      <span>{countOf(counts.characters, 'character')}</span>
      <span>{minutes === 0 ? 'nothing to read yet' : `${minutes} min read`}</span>
      {targetWords !== null && (
        <span className="target">
          <progress
            max={targetWords}
            value={Math.min(counts.words, targetWords)}
            aria-label="Progress toward target length"
          />{' '}
          {counts.words >= targetWords
            ? counts.words > targetWords * 1.1
              ? `${format(counts.words - targetWords)} over the ${format(targetWords)}-word target`
              : `Target of ${format(targetWords)} reached`
            : `${format(targetWords - counts.words)} to go (${Math.round(share * 100)}%)`}
        </span>
      )}
    </footer>
  )
}
