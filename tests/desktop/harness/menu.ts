import { NotModelledError, strict } from './strict'

/** One menu item as built from a template: what a person sees, and what clicking it does. */
export interface HarnessMenuItem {
  label: string
  role?: string
  type?: string
  accelerator?: string
  registerAccelerator?: boolean
  enabled: boolean
  visible: boolean
  click?: (item: unknown, window: unknown, event: { triggeredByAccelerator: boolean }) => void
  submenu?: HarnessMenu
}

export class HarnessMenu {
  constructor(readonly items: HarnessMenuItem[]) {}

  /** Every item, depth first. */
  all(): HarnessMenuItem[] {
    return this.items.flatMap((item) => [item, ...(item.submenu?.all() ?? [])])
  }
}

/** What the title bar's menus read as: `&File` is "File", `Import…` stays as it is. */
export function plainLabel(label: string): string {
  return label.replace(/&(.)/g, '$1')
}

/** `Menu.buildFromTemplate`: keeps what Electron keeps, and refuses what it would refuse. */
export function buildMenu(template: Record<string, unknown>[]): HarnessMenu {
  return new HarnessMenu(
    template.map((entry) => {
      const { label, role, type, accelerator, registerAccelerator, enabled, visible, click, submenu } = entry
      if (!label && !role && type !== 'separator')
        throw new Error('Menu item needs a label, a role or type separator')
      if (submenu !== undefined && !Array.isArray(submenu))
        throw new NotModelledError('a submenu given as a Menu object')
      return strict(
        {
          label: typeof label === 'string' ? plainLabel(label) : '',
          role: role as string | undefined,
          type: type as string | undefined,
          accelerator: accelerator as string | undefined,
          registerAccelerator: registerAccelerator as boolean | undefined,
          enabled: enabled !== false,
          visible: visible !== false,
          click: click as HarnessMenuItem['click'],
          submenu: Array.isArray(submenu) ? buildMenu(submenu as Record<string, unknown>[]) : undefined
        },
        'MenuItem'
      )
    })
  )
}

/** The accelerator's keys as Playwright presses them on this platform (`CmdOrCtrl+,` → `Control+Comma`). */
export function acceleratorKeys(accelerator: string, platform: NodeJS.Platform = process.platform): string {
  const names: Record<string, string> = {
    cmdorctrl: platform === 'darwin' ? 'Meta' : 'Control',
    commandorcontrol: platform === 'darwin' ? 'Meta' : 'Control',
    cmd: 'Meta',
    command: 'Meta',
    ctrl: 'Control',
    control: 'Control',
    shift: 'Shift',
    alt: 'Alt',
    option: 'Alt',
    ',': 'Comma',
    '=': 'Equal',
    '+': 'Equal',
    '-': 'Minus',
    plus: 'Equal'
  }
  return accelerator
    .split(/\+(?!$)/)
    .map((part) => names[part.toLowerCase()] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join('+')
}

/** What the roles the shell's menu uses do when chosen; a role not listed here is not modelled. */
type RoleTarget = {
  quit(): void
  window():
    | {
        close(): void
        minimize(): void
        setFullScreen(on: boolean): void
        isFullScreen(): boolean
        webContents: { page: import('playwright-core').Page }
      }
    | undefined
}
const EDITING_ROLES: Record<string, string> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  pasteAndMatchStyle: 'paste',
  selectAll: 'selectAll'
}

export async function performRole(role: string, target: RoleTarget): Promise<void> {
  const window = target.window()
  if (role === 'quit') return target.quit()
  if (!window) return
  if (role === 'close') return window.close()
  if (role === 'minimize') return window.minimize()
  if (role === 'togglefullscreen') return window.setFullScreen(!window.isFullScreen())
  if (role in EDITING_ROLES) {
    await window.webContents.page.evaluate((command) => document.execCommand(command), EDITING_ROLES[role])
    return
  }
  if (role === 'zoomIn' || role === 'zoomOut' || role === 'resetZoom') {
    const step = role === 'zoomIn' ? 1.2 : role === 'zoomOut' ? 1 / 1.2 : 0
    await window.webContents.page.evaluate((s) => {
      const style = document.documentElement.style as CSSStyleDeclaration & { zoom: string }
      style.zoom = s === 0 ? '' : String((Number(style.zoom) || 1) * s)
    }, step)
    return
  }
  throw new NotModelledError(`choosing the menu role '${role}'`)
}

/** Finds an item by the labels a person reads from the menu bar down (`'File', 'Export…'`). */
export function findMenuItem(menu: HarnessMenu | null, path: string[]): HarnessMenuItem {
  let items = menu?.items ?? []
  let found: HarnessMenuItem | undefined
  for (const label of path) {
    found = items.find(
      (item) =>
        item.visible &&
        (item.label === label || (!item.label && item.role?.toLowerCase() === label.toLowerCase()))
    )
    if (!found) throw new Error(`No menu item ${path.join(' ▸ ')} (stopped at "${label}")`)
    items = found.submenu?.items ?? []
  }
  return found!
}
