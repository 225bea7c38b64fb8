/** "1 change", "2 changes": a count with its noun, singular for exactly one. */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`
}

/** "1 unsaved change", "3 unsaved changes": the one wording of the header, status line, dialogs and sentences. */
export function unsavedLabel(count: number): string {
  return plural(count, 'unsaved change')
}
