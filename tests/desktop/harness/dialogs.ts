/**
 * Native dialogs answered from the test. A test says beforehand what the critic will choose
 * (`willSave(path)`, `willOpen(path)`, `willCancel('save')`, `willAnswer(1)`); every dialog the
 * shell shows is logged with its options. A dialog nobody scripted fails the call loudly and is
 * kept in `unexpected`, so a test never passes because a dialog was silently cancelled.
 */
export type DialogKind = 'open' | 'save' | 'message' | 'error'

export interface ShownDialog {
  kind: DialogKind
  options: Record<string, unknown>
  /** Whether it was modal to a window, as the shell passed one. */
  modal: boolean
}

type Answer =
  | { kind: 'open'; paths: string[] | null }
  | { kind: 'save'; path: string | null }
  | { kind: 'message'; response: number }

export class DialogScript {
  readonly shown: ShownDialog[] = []
  readonly unexpected: ShownDialog[] = []
  private answers: Answer[] = []

  willOpen(...paths: string[]): void {
    this.answers.push({ kind: 'open', paths })
  }
  willSave(path: string): void {
    this.answers.push({ kind: 'save', path })
  }
  willCancel(kind: 'open' | 'save'): void {
    this.answers.push(kind === 'open' ? { kind, paths: null } : { kind, path: null })
  }
  willAnswer(response: number): void {
    this.answers.push({ kind: 'message', response })
  }

  /** Answers still waiting for a dialog that never came. */
  pending(): DialogKind[] {
    return this.answers.map((a) => a.kind)
  }

  take<K extends Answer['kind']>(
    kind: K,
    options: Record<string, unknown>,
    modal: boolean
  ): Extract<Answer, { kind: K }> {
    const dialog = { kind, options, modal }
    this.shown.push(dialog)
    const index = this.answers.findIndex((a) => a.kind === kind)
    if (index < 0) {
      this.unexpected.push(dialog)
      throw new Error(
        `The shell showed a ${kind} dialog ("${String(options.title ?? options.message ?? '')}") that the test did not script.`
      )
    }
    return this.answers.splice(index, 1)[0] as Extract<Answer, { kind: K }>
  }

  /** `dialog.showErrorBox` returns nothing and cannot fail: it is only logged. */
  error(title: string, content: string): void {
    this.shown.push({ kind: 'error', options: { title, content }, modal: false })
  }
}
