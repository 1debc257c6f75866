import type { EditorThemeClasses } from 'lexical'

/** Class names Lexical puts on what it renders; styled in styles.css and editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h2: 'ed-h2', h3: 'ed-h3' },
  quote: 'ed-quote',
  pullQuote: 'ed-pullquote',
  spoiler: 'ed-spoiler',
  hr: 'ed-hr',
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li', nested: { listitem: 'ed-li-nested' } },
  link: 'ed-link',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike'
  }
}
