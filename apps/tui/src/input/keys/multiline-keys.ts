import type { KeyPress } from '../../keys/keypress.js'
import { commandFor } from '../../keys/match.js'
import { cursorRow, layoutRows } from '../../text/multiline.js'

/** What a key does in multi-line text beyond the text keys: a row operation, or leaving the text. */
export type MultilineKey = 'newline' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'leaveUp' | 'leaveDown'

/**
 * The multi-line text keys of any form. Up on the first visual row and down on the last leave the
 * text (as in the other fields); `undefined` leaves the key to the text keys and the form's own.
 */
export function multilineKey(
  key: KeyPress,
  text: { value: string; cursor: number },
  width: number,
): MultilineKey | undefined {
  switch (commandFor('multiline', key)) {
    case 'multiline.newline':
      return 'newline'
    case 'multiline.up':
      return cursorRow(layoutRows(text.value, width), text.cursor) === 0 ? 'leaveUp' : 'up'
    case 'multiline.down': {
      const rows = layoutRows(text.value, width)
      return cursorRow(rows, text.cursor) === rows.length - 1 ? 'leaveDown' : 'down'
    }
    case 'multiline.pageUp':
      return 'pageUp'
    case 'multiline.pageDown':
      return 'pageDown'
    default:
      return undefined
  }
}
