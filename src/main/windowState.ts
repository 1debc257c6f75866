import type { BrowserWindow, Rectangle } from 'electron'
import type { WindowState } from './core'

export const DEFAULT_SIZE = { width: 1200, height: 800 }

/**
 * Where to open the window: the saved size and place when that place is still on a connected
 * screen (at least a corner of the title bar visible), else the saved size centred.
 */
export function restoredBounds(saved: WindowState | null, workAreas: Rectangle[]): Partial<Rectangle> {
  if (!saved) return { ...DEFAULT_SIZE }
  const largest = workAreas.reduce(
    (a, b) => (b.width * b.height > a.width * a.height ? b : a),
    workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  )
  const width = Math.min(saved.width, largest.width)
  const height = Math.min(saved.height, largest.height)
  if (saved.x === undefined || saved.y === undefined) return { width, height }
  const { x, y } = saved
  const visible = workAreas.some(
    (area) =>
      x + 100 <= area.x + area.width &&
      x + width - 100 >= area.x &&
      y >= area.y &&
      y + 40 <= area.y + area.height
  )
  return visible ? { x, y, width, height } : { width, height }
}

/** The state worth remembering: the normal (unmaximised) bounds plus maximised / full screen. */
export function currentWindowState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds()
  return { ...bounds, maximized: window.isMaximized(), fullScreen: window.isFullScreen() }
}

/** Saves the window's state a moment after it stops moving or resizing. */
export function trackWindowState(window: BrowserWindow, save: (state: WindowState) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (!window.isDestroyed()) save(currentWindowState(window))
    }, 500)
  }
  for (const event of [
    'resize',
    'move',
    'maximize',
    'unmaximize',
    'enter-full-screen',
    'leave-full-screen'
  ] as const) {
    window.on(event as 'resize', later)
  }
  return () => clearTimeout(timer)
}
