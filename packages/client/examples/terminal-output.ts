import { type CcClient, createClient, escapeTerminalText, sanitizeTerminalText } from '@cc/client'

/**
 * Show what the API sent on a terminal. Contact data is text anyone could have typed: a name or a note must not
 * be able to clear the screen, change the window title or write to the clipboard.
 */
export async function showContact(id: string, cc: CcClient = createClient()): Promise<string[]> {
  const person = await cc.people.get(id)
  return [
    sanitizeTerminalText(person.fullName ?? '', { singleLine: true }), // a list row: one line
    sanitizeTerminalText(person.background ?? ''), // a note keeps its line breaks
    escapeTerminalText(JSON.stringify(person, null, 2)), // --json: still valid JSON, every escape visible
  ]
}
