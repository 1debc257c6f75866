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
      if (!label && !role && type !== 'separator') throw new Error('Menu item needs a label, a role or type separator')
      if (submenu !== undefined && !Array.isArray(submenu)) throw new NotModelledError('a submenu given as a Menu object')
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
