import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { useContext } from 'react'
import type { ChartTheme } from './useChartTheme'
import { PointerVisited } from './ChartFigure'

/** Charts draw at once: an animation only delays the numbers (and a saved file would catch it midway). */
const STILL = { isAnimationActive: false } as const
const HEIGHT = 240
/**
 * Grid lines a chart does not draw are not worked out either: recharts would otherwise place
 * them by measuring every label of that axis in the page, one layout per label.
 */
const NO_LINES = () => []

/** A dashed grid of only horizontal or only vertical lines; the other direction is never placed. */
function gridProps(theme: ChartTheme, lines: 'horizontal' | 'vertical') {
  const base = { stroke: theme.grid, strokeDasharray: '3 3' }
  return lines === 'horizontal'
    ? { ...base, vertical: false, verticalCoordinatesGenerator: NO_LINES }
    : { ...base, horizontal: false, horizontalCoordinatesGenerator: NO_LINES }
}

function axisProps(theme: ChartTheme) {
  return { stroke: theme.muted, tick: { fill: theme.muted, fontSize: 12 } }
}

/** The tooltip, once the pointer has been over the chart (see `PointerVisited`). */
function PointerTooltip({ theme }: { theme: ChartTheme }) {
  if (!useContext(PointerVisited)) return null
  return (
    <Tooltip
      contentStyle={{ background: theme.background, border: `1px solid ${theme.grid}`, color: theme.text }}
      labelStyle={{ color: theme.text }}
      cursor={{ fill: theme.grid, fillOpacity: 0.3 }}
    />
  )
}

export interface Series {
  key: string
  name: string
}

interface ColumnChartProps {
  data: Record<string, string | number>[]
  category: string
  series: Series[]
  theme: ChartTheme
  /** The categories to label (default: all, as many as fit); months label their Januaries. */
  ticks?: string[]
}

/** Vertical bars over a category axis (months, ratings, statuses); several series side by side. */
export function ColumnChart({ data, category, series, theme, ticks }: ColumnChartProps) {
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: HEIGHT }}
      data={data}
      accessibilityLayer={false}
      margin={{ top: 8, right: 8, left: -16, bottom: 0 }}
    >
      <CartesianGrid {...gridProps(theme, 'horizontal')} />
      <XAxis dataKey={category} ticks={ticks} {...axisProps(theme)} />
      <YAxis allowDecimals={false} {...axisProps(theme)} />
      <PointerTooltip theme={theme} />
      {series.length > 1 && <Legend wrapperStyle={{ color: theme.text }} />}
      {seriesBars(series, theme)}
    </BarChart>
  )
}

/** One bar per series, coloured in turn from the theme. */
function seriesBars(series: ColumnChartProps['series'], theme: ColumnChartProps['theme']) {
  return series.map((s, i) => (
    <Bar key={s.key} dataKey={s.key} name={s.name} fill={theme.series[i % theme.series.length]} {...STILL} />
  ))
}

/** Horizontal bars for ranked lists (formats, venues, directors): long names stay readable. */
export function RankChart({ data, category, series, theme }: ColumnChartProps) {
  const height = Math.max(120, data.length * 28 + 40)
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: '100%', height }}
      data={data}
      accessibilityLayer={false}
      margin={{ top: 4, right: 16, left: 8, bottom: 0 }}
    >
      <CartesianGrid {...gridProps(theme, 'vertical')} />
      <XAxis type="number" allowDecimals={false} {...axisProps(theme)} />
      <YAxis type="category" dataKey={category} width={150} {...axisProps(theme)} />
      <PointerTooltip theme={theme} />
      {seriesBars(series, theme)}
    </BarChart>
  )
}

/** A line over months (words written). */
export function TrendChart({ data, category, series, theme, ticks }: ColumnChartProps) {
  return (
    <LineChart
      responsive
      style={{ width: '100%', height: HEIGHT }}
      data={data}
      accessibilityLayer={false}
      margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
    >
      <CartesianGrid {...gridProps(theme, 'horizontal')} />
      <XAxis dataKey={category} ticks={ticks} {...axisProps(theme)} />
      <YAxis allowDecimals={false} {...axisProps(theme)} />
      <PointerTooltip theme={theme} />
      {series.map((s, i) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stroke={theme.series[i % theme.series.length]}
          strokeWidth={2}
          dot={data.length <= 24}
          {...STILL}
        />
      ))}
    </LineChart>
  )
}
