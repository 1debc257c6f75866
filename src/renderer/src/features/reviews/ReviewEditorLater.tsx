import { shownLater } from '../../app/shownLater'

/**
 * The review editor (Lexical and its plugins, most of the app's code), loaded after the list is
 * on screen: a journal opens to its list, and the editor is only needed once a review is open.
 */
export const ReviewEditor = shownLater(() => import('./ReviewEditor').then((m) => m.ReviewEditor))
