import { useEffect } from 'react'
import { useNavigation } from '../../app/navigationStore'
import { useArchives } from './archivesStore'

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/** A file dropped anywhere on the window opens Import and previews it. */
export function useArchiveDrop(): void {
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files?.[0]
      if (!hasFiles(event) || !file) return
      event.preventDefault()
      useNavigation.getState().go('archives')
      void useArchives.getState().receive(file)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}
