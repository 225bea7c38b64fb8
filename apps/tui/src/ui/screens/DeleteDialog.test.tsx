import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { withTheme } from '../../../test/support/screens.js'
import { deleteReducer, openDelete } from '../../state/delete.js'
import { DeleteDialogView } from './DeleteDialog.js'

const dialog = openDelete({ id: 'renee0001', name: 'Renée Walker', confirmWord: 'Walker', from: 'list', drafts: 2 })
const draw = (d: typeof dialog) =>
  render(withTheme(<DeleteDialogView dialog={d} width={76} />, false)).lastFrame() ?? ''

describe('delete dialog', () => {
  it('names the contact, says its drafts go too, and offers the trash first', () => {
    const frame = draw(dialog)
    expect(frame).toContain('Move Renée Walker to the trash?')
    expect(frame).toContain('Its 2 unsaved drafts go too: they could not be saved any more.')
    expect(frame).toContain('Enter move it to the trash')
    expect(frame).toContain('p delete it for good instead…')
  })

  it('says deleting for good cannot be undone, and what to type', () => {
    const second = deleteReducer(deleteReducer(dialog, { type: 'permanentStep' }), { type: 'type', text: 'Wal' })
    const frame = draw(second)
    expect(frame).toContain('Delete Renée Walker for good?')
    expect(frame).toContain('This cannot be undone.')
    expect(frame).toContain('Type Walker and press Enter to delete it for good:')
    expect(frame).toContain('› Wal')
    const failed = deleteReducer(deleteReducer(second, { type: 'type', text: 'ker' }), { type: 'started' })
    expect(draw(failed)).toContain('Deleting…')
    expect(draw(deleteReducer(failed, { type: 'failed', message: 'Not deleted. Server error.' }))).toContain(
      '✗ Not deleted. Server error. Enter tries again.',
    )
  })
})
