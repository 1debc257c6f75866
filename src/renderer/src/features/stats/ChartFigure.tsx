import { createContext, useRef, useState, type ReactNode } from 'react'
import { reportError } from '../../app/noticeStore'
import { chartFileName, savePng, saveSvg } from './chartExport'

/**
 * Whether the pointer has been over this chart yet. A chart's tooltip measures itself in the page
 * the moment it mounts, one forced layout per chart while the screen is first drawn; it only
 * shows under a pointer (keyboard and screen-reader users read the table), so it mounts then.
 */
export const PointerVisited = createContext(false)

export interface ChartTable {
  columns: string[]
  rows: (string | number)[][]
}

interface Props {
  title: string
  /** The same numbers as a table: what screen readers read instead of the drawing. */
  table: ChartTable
  /** The theme's background, painted behind a saved chart so it reads outside the app. */
  background: string
  children: ReactNode
}

/**
 * A chart with its caption, Save SVG / Save PNG, and a visually hidden table holding the same
 * numbers. The drawing itself is hidden from assistive technology: the table is its text.
 */
export function ChartFigure({ title, table, background, children }: Props) {
  const figure = useRef<HTMLElement>(null)
  const [visited, setVisited] = useState(false)
  const empty = table.rows.length === 0
  const svg = () =>
    figure.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? null
  const name = chartFileName(title)
  return (
    <figure className="chart-figure" ref={figure} aria-label={title}>
      <figcaption>
        {title}
        {!empty && (
          <span className="chart-actions">
            <button
              type="button"
              aria-label={`Save ${title} as SVG`}
              onClick={() => svg() && saveSvg(svg()!, name, background)}
            >
              SVG
            </button>
            <button
              type="button"
              aria-label={`Save ${title} as PNG`}
              onClick={() => {
                const element = svg()
                if (element) savePng(element, name, background).catch(reportError)
              }}
            >
              PNG
            </button>
          </span>
        )}
      </figcaption>
      {empty ? (
        <p className="chart-empty">Nothing to chart yet.</p>
      ) : (
        <>
          <div aria-hidden="true" onPointerEnter={() => setVisited(true)}>
            <PointerVisited.Provider value={visited}>{children}</PointerVisited.Provider>
          </div>
          {/* A table is as tall as its rows whatever its own size: the wrapper clips it. */}
          <div className="visually-hidden">
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={j}>{cell}</td>
                      )
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  )
}
