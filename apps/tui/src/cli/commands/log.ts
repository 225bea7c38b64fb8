import { CreateActivityInput, fieldErrors } from '@cc/schema'
import type { Connection } from '../../config/connection.js'
import type { AppPaths } from '../../config/paths.js'
import { displayLine } from '../../text/sanitize.js'
import type { ParsedArgs } from '../args.js'
import { checkContactId } from '../check-contact-id.js'
import { EXIT, type Io } from '../io.js'
import { readAll } from '../read-all.js'
import { reportInvalidFields, reportSaveError } from '../report-save-error.js'
import { withSession } from '../with-session.js'

/** How the fields of an activity are named in messages: by the flag or argument that gives them. */
const LABELS = { personId: 'Contact id', type: '--type', direction: '--direction', content: 'Text' }

/**
 * `cc-tui log <id> [--type call] [--direction outbound] [text | -]`: logs an activity (a note unless `--type`
 * says otherwise) on a contact. `-` reads the text from stdin; the words after the id are the text otherwise.
 */
export async function logCommand(args: ParsedArgs, connection: Connection, paths: AppPaths, io: Io): Promise<number> {
  const [id, ...words] = args.rest as [string, ...string[]]
  if (!checkContactId(id, io)) return EXIT.invalid
  const text =
    words.length === 1 && words[0] === '-' ? (await readAll(io.stdin)).replace(/(\r?\n)+$/, '') : words.join(' ')
  const input = {
    personId: id,
    type: args.type ?? 'note',
    ...(args.direction !== undefined ? { direction: args.direction } : {}),
    ...(text !== '' ? { content: text } : {}),
  }
  const checked = CreateActivityInput.safeParse(input)
  if (!checked.success) return reportInvalidFields(fieldErrors(checked.error, { labels: LABELS }), io)
  try {
    return await withSession(connection, paths, io, async ({ client }) => {
      const activity = await client.activities.create(checked.data)
      io.stdout.write(
        args.json
          ? `${JSON.stringify(activity, null, 2)}\n`
          : `Logged ${displayLine(activity.type)} on ${id} (activity ${displayLine(activity.id)}).\n`,
      )
      return EXIT.ok
    })
  } catch (error) {
    return reportSaveError(error, io)
  }
}
