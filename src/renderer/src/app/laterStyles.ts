// The styles of what is shown later (app/shownLater.tsx) load with the first screen, in the
// order they had when everything was one bundle: a stylesheet arriving later would restyle
// what is already on screen (reviews.css styles the reviews screen's empty pane) and change
// which of two equal rules wins.
import '../editor/editor.css'
import '../editor/plugins/LinkEditPlugin/linkEdit.css'
import '../features/responses/responses.css'
import '../features/reviews/reviews.css'
import '../features/screenings/screenings.css'
import '../features/films/FilmPage.css'
import '../features/films/FilmsScreen.css'
import '../features/stats/stats.css'
import '../features/archives/archives.css'
import '../features/backups/backups.css'
import '../features/trash/trash.css'
import '../features/settings/settings.css'
