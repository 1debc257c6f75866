import { existsSync, statSync } from 'node:fs'
import { extname, resolve } from 'node:path'

export const ARCHIVE_EXTENSION = '.rjarchive'

/**
 * The journal archives named on a command line (a double-click on Windows and Linux launches the
 * app, or a second instance, with the file's path): existing files ending in `.rjarchive` only.
 */
export function archivePathsFromArgv(argv: string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === ARCHIVE_EXTENSION)
    .map((arg) => resolve(cwd, arg))
    .filter((file) => existsSync(file) && statSync(file).isFile())
}

/**
 * Holds opened archives until the renderer can take them (a file opened at launch arrives before
 * the window has loaded), then hands each over once.
 */
export class OpenedFiles {
  private queue: string[] = []
  private deliver: ((path: string) => void) | null = null

  add(path: string): void {
    if (this.deliver) this.deliver(path)
    else this.queue.push(path)
  }

  /** Called once the renderer is ready: delivers what waited, then every later file at once. */
  ready(deliver: (path: string) => void): void {
    this.deliver = deliver
    for (const path of this.queue.splice(0)) deliver(path)
  }
}
