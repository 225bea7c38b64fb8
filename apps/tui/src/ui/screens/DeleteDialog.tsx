import { Text } from 'ink'
import { keyLabel } from '../../keys/format.js'
import type { DeleteDialog } from '../../state/delete.js'
import { Spinner } from '../components/Spinner.js'
import { TextLine } from '../components/TextLine.js'
import { plural } from '../labels.js'
import { useTheme } from '../theme.js'
import { Dialog } from './Dialogs.js'

/** The request under way, its failure, or why Enter did nothing. */
function Outcome({ dialog }: { dialog: DeleteDialog }) {
  const theme = useTheme()
  if (dialog.phase === 'deleting') return <Spinner label="Deleting…" />
  if (!dialog.message) return null
  return (
    <Text color={theme.color('error')} wrap="wrap">
      ✗ {dialog.message}
      {dialog.phase === 'failed' ? ` ${keyLabel('delete.trash')} tries again.` : ''}
    </Text>
  )
}

/** "Move Renée Walker to the trash?", then, only when asked for, "Delete Renée Walker for good?". */
export function DeleteDialogView({ dialog, width }: { dialog: DeleteDialog; width: number }) {
  const theme = useTheme()
  const { target } = dialog
  const drafts =
    target.drafts > 0 ? (
      <Text wrap="wrap">
        {target.drafts === 1
          ? 'Its unsaved draft goes too: it could not be saved any more.'
          : `Its ${plural(target.drafts, 'unsaved draft')} go too: they could not be saved any more.`}
      </Text>
    ) : null
  if (dialog.step === 'trash') {
    return (
      <Dialog title={`Move ${target.name} to the trash?`} width={width}>
        {drafts}
        <Text> </Text>
        <Text>{`${keyLabel('delete.trash')} move it to the trash`}</Text>
        <Text>{`${keyLabel('delete.permanent')} delete it for good instead…`}</Text>
        <Text>{`${keyLabel('delete.cancel')} keep it`}</Text>
        <Outcome dialog={dialog} />
      </Dialog>
    )
  }
  return (
    <Dialog title={`Delete ${target.name} for good?`} width={width}>
      <Text bold color={theme.color('error')}>
        This cannot be undone.
      </Text>
      {drafts}
      <Text> </Text>
      <Text wrap="wrap">{`Type ${target.confirmWord} and press ${keyLabel('deleteForGood.confirm')} to delete it for good:`}</Text>
      <Text>
        {'› '}
        <TextLine value={dialog.typed.value} cursor={dialog.typed.cursor} focused width={Math.min(width, 72) - 8} />
      </Text>
      <Text>{`${keyLabel('deleteForGood.back')} back (nothing is deleted)`}</Text>
      <Outcome dialog={dialog} />
    </Dialog>
  )
}
