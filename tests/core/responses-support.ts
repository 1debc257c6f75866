import type { TestJournal } from '../support/journal'

/**
 * The shape of a real blog thread (a review of "Her"): three top-level responses, two of them
 * answered by the critic, one chain three deep, readers' responses unread as an import files
 * them. Returns the ids by a short name.
 */
export async function addHerThread(journal: TestJournal, reviewId: string) {
  const add = (
    name: string,
    body: string,
    receivedAt: string,
    parentId: string | null = null,
    isOwnReply = false
  ) =>
    journal.call('responses.add', {
      reviewId,
      parentId,
      authorName: name,
      body,
      receivedAt,
      isOwnReply,
      unread: !isOwnReply
    })
  const skeptic = await add('Phips', 'Hmmm. I have been skeptical of this movie.', '2014-01-10T09:00:00Z')
  const good = await add('Dan', 'Good review.', '2014-01-11T09:00:00Z')
  const fan = await add('Lena', 'First off you are an incredible writer.', '2014-01-12T09:00:00Z')
  const ownA = await add(
    'Critic',
    'I enjoyed your write up as well Phips.',
    '2014-01-10T12:00:00Z',
    skeptic.id,
    true
  )
  const deep = await add(
    'Phips',
    'What is even more impressive about Phoenix…',
    '2014-01-10T15:00:00Z',
    ownA.id
  )
  const ownB = await add('Critic', 'Thank you for the kind words!', '2014-01-12T12:00:00Z', fan.id, true)
  const thanks = await add('Lena', 'You’re welcome!', '2014-01-12T18:00:00Z', ownB.id)
  return { skeptic, good, fan, ownA, deep, ownB, thanks }
}
