import { keyLabel } from '../../keys/format.js'
import { currentLookup, type LookupField, lookupFields } from '../../state/editor/create.js'
import type { EditorState } from '../../state/editor/state.js'

const isLookupField = (name: string): name is LookupField => (lookupFields as readonly string[]).includes(name)

/** Under a new contact's email or phone: another contact has it already (and what a save does then). */
export function matchNotes(editor: EditorState, name: string): { kind: 'warning' | 'notice'; text: string }[] {
  if (!isLookupField(name)) return []
  const lookup = currentLookup(editor, name)
  if (lookup?.status !== 'taken') return []
  const { match } = lookup
  return [
    {
      kind: 'warning',
      text:
        name === 'email'
          ? `${match.name} already has this email: a save updates it`
          : `${match.name} already has this phone (a save creates another)`,
    },
    { kind: 'notice', text: `${keyLabel('editor.openMatch')} opens ${match.name} instead` },
  ]
}
