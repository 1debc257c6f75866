import { test, expect, expectAccessible } from './support/fixtures'

// A WordPress export with a password-protected post that has an excerpt and an embedded video.
const PROTECTED_WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Members' Blog</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://members.example</wp:base_site_url>
<item><title>The director's cut</title><link>https://members.example/cut/</link><wp:post_id>4</wp:post_id><wp:post_date_gmt>2021-03-01 10:00:00</wp:post_date_gmt><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_password><![CDATA[enter]]></wp:post_password>
<excerpt:encoded><![CDATA[Four hours, <em>and</em> worth it.]]></excerpt:encoded>
<content:encoded><![CDATA[<p>Only members read this.</p><iframe src="https://video.example/embed/1"></iframe>]]></content:encoded></item>
</channel></rss>`

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a protected WordPress post: counted in the preview, kept protected with its standfirst, its password the critic's to change (${colorScheme})`, async ({
    page,
    journal
  }, testInfo) => {
    // A journal with something in it opens on its screens (an empty one greets first).
    await journal.core.dispatch('reviews.create', { title: 'Already here' })
    await page.emulateMedia({ colorScheme })
    await journal.open(page)
    await page.getByRole('button', { name: 'Import & export' }).click()
    await page
      .getByLabel('Choose a file…')
      .setInputFiles({ name: 'members.xml', mimeType: 'text/xml', buffer: Buffer.from(PROTECTED_WXR) })
    await expect(page.getByRole('table', { name: /Preview of importing members\.xml/ })).toBeVisible({
      timeout: 30_000
    })
    await expect(
      page.getByText('1 password-protected post: it will be kept as a protected review, with its password.')
    ).toBeVisible()
    await expect(
      page.getByText(/Left out on purpose, as a review keeps text only: an embedded frame/)
    ).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath(`preview-${colorScheme}.png`), fullPage: true })
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Import members.xml' }).click()
    await expect(page.getByRole('table', { name: /^Imported members\.xml/ })).toBeVisible({ timeout: 30_000 })
    await page.keyboard.press('Control+1')
    const item = page.getByRole('button', { name: /^The director's cut/ })
    await expect(item).toContainText('protected')
    await item.click()
    await expect(page.getByLabel('Standfirst')).toHaveValue('Four hours, and worth it.')
    const password = page.getByLabel('Password')
    await expect(password).toHaveValue('enter')
    await expect(password).toHaveAccessibleDescription(/Readers of the site need it to read the review/)
    const saved = async () => {
      const list = await journal.core.dispatch('reviews.list', {})
      const id = list.ok
        ? ((list.value as { id: string; title: string }[]).find((r) => r.title === "The director's cut")
            ?.id ?? '')
        : ''
      const detail = await journal.core.dispatch('reviews.get', { id })
      return detail.ok ? (detail.value as { standfirst: string; password: string | null }) : null
    }
    // The standfirst and the password are the critic's to edit; each change is saved.
    await page.getByLabel('Standfirst').fill('Four hours, and worth every minute.')
    await password.fill('members only')
    await expect
      .poll(saved)
      .toMatchObject({ standfirst: 'Four hours, and worth every minute.', password: 'members only' })
    await page.screenshot({ path: testInfo.outputPath(`review-${colorScheme}.png`), fullPage: true })
    await expectAccessible(page)
    // Emptied, the review is open to all readers: no longer protected.
    await password.fill('')
    await expect.poll(async () => (await saved())?.password).toBeNull()
    await expect(item).not.toContainText('protected')
  })
}
