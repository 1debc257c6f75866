import { useEffect, useState } from 'react'

/** Colours charts draw with, read from the theme's CSS variables (light or dark). */
export interface ChartTheme {
  text: string
  muted: string
  grid: string
  background: string
  series: string[]
}

function read(): ChartTheme {
  const style = getComputedStyle(document.documentElement)
  const v = (name: string) => style.getPropertyValue(name).trim()
  return {
    text: v('--fg'),
    muted: v('--fg-muted'),
    grid: v('--border'),
    background: v('--bg-raised'),
    series: [v('--chart-1'), v('--chart-2'), v('--chart-3'), v('--chart-4'), v('--chart-5'), v('--chart-6')]
  }
}

/**
 * The chart colours, re-read when the system theme flips or the app's own theme setting
 * (`data-theme` on <html>) changes, so charts and exported files match what is on screen.
 */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(read)
  useEffect(() => {
    // Only a change of colour redraws the charts, not every style change on <html>.
    const update = () => {
      const next = read()
      setTheme((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next))
    }
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    media.addEventListener('change', update)
    const observer = new MutationObserver(update)
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class', 'style']
    })
    return () => {
      media.removeEventListener('change', update)
      observer.disconnect()
    }
  }, [])
  return theme
}
