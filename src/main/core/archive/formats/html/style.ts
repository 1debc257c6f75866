/** The HTML export's own style sheet: readable on screen, one review per printed page. */
export const HTML_EXPORT_STYLE = `
:root { color-scheme: light dark; --ink: #1d1b19; --muted: #6b645c; --rule: #d9d3cc; --paper: #fffdf9; }
@media (prefers-color-scheme: dark) { :root { --ink: #ece6df; --muted: #a69d93; --rule: #3a3531; --paper: #1b1917; } }
body { margin: 0 auto; max-width: 42rem; padding: 2rem 1.25rem; font: 1.05rem/1.6 Georgia, 'Times New Roman', serif; color: var(--ink); background: var(--paper); }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
header.journal p, .meta, .responses time { color: var(--muted); font-size: .9rem; }
nav ol { padding-left: 1.2rem; }
article { border-top: 1px solid var(--rule); margin-top: 2.5rem; padding-top: 1.5rem; }
article h2 { font-size: 1.5rem; margin: 0 0 .25rem; }
.meta { margin: 0 0 1rem; }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.tags li { border: 1px solid var(--rule); border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
blockquote.pullquote { font-size: 1.2rem; font-style: italic; }
.spoiler { background: var(--ink); color: var(--ink); }
.spoiler:hover, .spoiler:focus { color: var(--paper); }
.responses ol { list-style: none; padding-left: 1.25rem; border-left: 1px solid var(--rule); }
.responses > ol { padding-left: 0; border: 0; }
.responses li { margin: .75rem 0; }
.responses .own { font-weight: bold; }
a { color: inherit; }
@media print {
  body { max-width: none; padding: 0; background: #fff; color: #000; }
  nav { display: none; }
  article { break-before: page; border: 0; margin: 0; }
  .spoiler { background: none; color: inherit; text-decoration: underline dotted; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; }
}
`
