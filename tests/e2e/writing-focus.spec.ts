import { test, expect } from './support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

test('focus mode gives the text the whole window, and Escape brings the rest back', async ({
  page,
  journal
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const text = Array.from(
    { length: 30 },
    () => 'The long take holds on the street while the light changes.'
  ).join('\n\n')
  await journal.core.dispatch('reviews.create', { title: 'Focus', body: plainTextToLexical(text) })
  await journal.open(page)
  await page
    .getByRole('button', { name: /^Focus/ })
    .first()
    .click()
  await page.getByRole('button', { name: 'Focus mode' }).click()
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeHidden()
  const box = (await page.getByRole('textbox', { name: 'Review text' }).boundingBox())!
  // A 40rem column in the middle of the window.
  expect(box.width).toBeGreaterThan(600)
  expect(Math.abs(box.x + box.width / 2 - 640)).toBeLessThan(40)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
})
