import { expect, type Page } from '@playwright/test'
import type { ReviewDetail } from '../../src/shared/domain'

/** What a journal holds, read through the page's own `window.journal`, ids and times aside. */
export async function readJournal(
  page: Page
): Promise<{ reviews: Partial<ReviewDetail>[]; screenings: number; responses: number }> {
  return page.evaluate(async () => {
    type Answer<T> = { ok: true; value: T } | { ok: false; error: { message: string } }
    const journal = (
      window as unknown as { journal: Record<string, (input?: unknown) => Promise<Answer<unknown>>> }
    ).journal
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const answer = await journal[channel](input)
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value as T
    }
    const list = await call<{ id: string }[]>('reviews.list')
    const reviews = await Promise.all(
      list.map((r) => call<Record<string, unknown>>('reviews.get', { id: r.id }))
    )
    const screenings = await call<unknown[]>('screenings.list')
    const responses = await call<unknown[]>('responses.list')
    return {
      reviews: reviews
        .map(
          ({
            title,
            text,
            rating,
            status,
            tags,
            workTitle,
            workYear,
            hasSpoilers,
            outlet,
            publishedUrl
          }) => ({
            title,
            text,
            rating,
            status,
            tags,
            workTitle,
            workYear,
            hasSpoilers,
            outlet,
            publishedUrl
          })
        )
        .sort((a, b) => String(a.title).localeCompare(String(b.title))),
      screenings: screenings.length,
      responses: responses.length
    }
  }) as never
}

/** Starts a review and types into it, leaving the last words unsaved (no pause for the autosave). */
export async function writeUnsaved(page: Page, title: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Review title' }).fill(title)
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.type(text)
}

/** Opens the review titled `title` in a window and expects its text to hold `text`. */
export async function expectReviewText(page: Page, title: string, text: string): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click()
  await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText(text)
}
