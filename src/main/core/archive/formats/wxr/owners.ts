import type { WxrAuthor, WxrComment } from './wxrParser'

import type { CriticIdentity } from '../../critic'

export type { CriticIdentity }

/**
 * Which comments the critic wrote. WordPress gives a comment the `user_id` of whoever was logged
 * in, and registered readers have accounts too; only the site's authors (the `<wp:author>`s the
 * file lists, who wrote its posts) or the critic's own e-mail make a comment an own reply.
 */
export class OwnReplies {
  private readonly ids = new Set<string>()
  private readonly emails = new Set<string>()

  constructor(authors: WxrAuthor[], critic: CriticIdentity | null) {
    for (const author of authors) {
      const id = (author['wp:author_id'] ?? '').trim()
      if (id && id !== '0') this.ids.add(id)
      const email = normalEmail(author['wp:author_email'])
      if (email) this.emails.add(email)
    }
    const criticEmail = normalEmail(critic?.email ?? undefined)
    if (criticEmail) this.emails.add(criticEmail)
  }

  /** Whether `comment` is the critic's own reply. */
  isOwn(comment: WxrComment): boolean {
    const user = (comment['wp:comment_user_id'] ?? '').trim()
    if (user && user !== '0' && this.ids.has(user)) return true
    if (this.emails.size === 0) return false
    const email = normalEmail(comment['wp:comment_author_email'])
    return email !== null && this.emails.has(email)
  }
}

function normalEmail(value: string | undefined): string | null {
  const email = (value ?? '').trim().toLowerCase()
  return email.includes('@') ? email : null
}
