import type { JournalApi } from '../shared/contract'

declare global {
  interface Window {
    journal: JournalApi
  }
}
