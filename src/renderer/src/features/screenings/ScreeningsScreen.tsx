import { useEffect } from 'react'
import { useScreenings } from './screeningsStore'
import { StarRatingText } from '../../components/StarRatingText'

/** The screenings diary, newest first. */
export function ScreeningsScreen() {
  const { screenings, loaded, load } = useScreenings()
  useEffect(() => {
    if (!loaded) void load()
  }, [loaded, load])
  return (
    <section className="page" aria-labelledby="screenings-heading">
      <h1 id="screenings-heading">Screenings</h1>
      {loaded && screenings.length === 0 ? (
        <p className="empty">No screenings logged yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Film</th>
              <th scope="col">Where</th>
              <th scope="col">Format</th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            {screenings.map((s) => (
              <tr key={s.id}>
                <td>{s.watchedOn}</td>
                <td>
                  {s.workTitle}
                  {s.workYear ? ` (${s.workYear})` : ''}
                  {s.rewatch && <span className="badge">Rewatch</span>}
                </td>
                <td>{s.venue}</td>
                <td>{[s.format, s.formatDetail].filter(Boolean).join(' · ')}</td>
                <td>{s.rating !== null && <StarRatingText rating={s.rating} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
