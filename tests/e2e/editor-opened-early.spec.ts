import { call, expect, storedText, test } from './support/fixtures'

/**
 * A critic who opens a review the moment the journal appears can be quicker than the editor's
 * code, which is fetched after the list is drawn. Held back here until the review is chosen, the
 * editor then shown must stay the one the critic types in: the list redrawing at the first save
 * must not mount a fresh editor, taking the caret and the keys typed next.
 */
test('an editor opened before its code arrived keeps the caret through its saves', async ({
  page,
  journal
}) => {
  const her = await call(journal, 'reviews.create', { title: 'Her' })
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/ReviewEditor-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  release()

  const text = page.getByRole('textbox', { name: 'Review text' })
  await text.click()
  await page.keyboard.type('A tender film.')
  await expect.poll(() => storedText(journal, her.id)).toBe('A tender film.')
  await expect(text).toBeFocused()
  await page.keyboard.type(' And a strange one.')
  await expect.poll(() => storedText(journal, her.id)).toBe('A tender film. And a strange one.')
  await expect(text).toBeFocused()
})
