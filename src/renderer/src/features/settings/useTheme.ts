import { useEffect } from 'react'
import { useSettings } from './settingsStore'
import { useDataChanged } from '../../app/useDataChanged'

/**
 * Puts the chosen theme on <html data-theme>; "system" removes it so the stylesheet follows the
 * operating system (in Electron, main also sets nativeTheme so menus and dialogs agree).
 */
export function useTheme(): void {
  const theme = useSettings((s) => s.settings?.theme ?? 'system')
  const load = useSettings((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
  useDataChanged(['settings'], load)
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') root.removeAttribute('data-theme')
    else root.setAttribute('data-theme', theme)
  }, [theme])
}
