import { useEffect } from 'react'
import { useArchives } from './archivesStore'
import { ImportPanel } from './ImportPanel'
import { ExportPanel } from './ExportPanel'
import './archives.css'

/** Import and export: the journal's way in and out. */
export function ArchivesScreen() {
  const load = useArchives((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
  return (
    <div className="archives">
      <h1>Import and export</h1>
      <ImportPanel />
      <ExportPanel />
    </div>
  )
}
