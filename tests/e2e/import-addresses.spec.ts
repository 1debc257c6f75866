import { test, expect, expectAccessible } from './support/fixtures'

// A WordPress export whose post link and comment author link are scripts, not web addresses.
const HOSTILE_WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://t.example</wp:base_site_url>
<item><title>Sneaky link</title><link>javascript:alert(1)</link><wp:post_id>1</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded>Text</content:encoded>
<wp:comment><wp:comment_id>11</wp:comment_id><wp:comment_author>Mallory</wp:comment_author><wp:comment_author_url>javascript:alert(2)</wp:comment_author_url><wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>`

for (const colorScheme of ['light', 'dark'] as const) {
  test(`an import's preview names each address it leaves out (${colorScheme})`, async ({
    page,
    journal
  }, testInfo) => {
    await journal.core.dispatch('reviews.create', { title: 'Already here' })
    await page.emulateMedia({ colorScheme })
    await journal.open(page)
    await page.getByRole('button', { name: 'Import & export' }).click()
    await page
      .getByLabel('Choose a file…')
      .setInputFiles({ name: 'blog.xml', mimeType: 'text/xml', buffer: Buffer.from(HOSTILE_WXR) })
    await expect(page.getByRole('table', { name: /Preview of importing blog\.xml/ })).toBeVisible({
      timeout: 30_000
    })
    await expect(
      page.getByText(/published address "javascript:alert\(1\)" is not a web address/)
    ).toBeVisible()
    await expect(page.getByText(/author's link "javascript:alert\(2\)" is not a web address/)).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath(`preview-${colorScheme}.png`), fullPage: true })
    await expectAccessible(page)
  })
}
