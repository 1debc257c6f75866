/** The star on a response, in the thread and in the inbox. */
export function StarToggle({ starred, onToggle }: { starred: boolean; onToggle(next: boolean): void }) {
  return (
    <button
      type="button"
      className="star-toggle"
      aria-pressed={starred}
      aria-label={starred ? 'Starred' : 'Star'}
      title={starred ? 'Unstar' : 'Star'}
      onClick={() => onToggle(!starred)}
    >
      {starred ? '★' : '☆'}
    </button>
  )
}
