import { useEffect } from 'react'
import type { ScreenId } from '../../app/navigationStore'
import { useResponses } from './responsesStore'

/** The unread count beside "Responses" in the navigation; nothing beside other screens. */
export function NavBadge({ screen }: { screen: ScreenId }) {
  if (screen !== 'responses') return null
  return <UnreadBadge />
}

function UnreadBadge() {
  const unread = useResponses((s) => s.unread)
  useEffect(() => {
    void useResponses.getState().refreshUnread()
  }, [])
  if (unread === 0) return null
  return (
    <span className="nav-badge" data-testid="unread-count">
      <span aria-hidden="true">{unread > 999 ? '999+' : unread}</span>
      <span className="visually-hidden">, {unread.toLocaleString()} unread</span>
    </span>
  )
}
