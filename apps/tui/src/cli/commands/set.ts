import type { Connection } from '../../config/connection.js'
import type { AppPaths } from '../../config/paths.js'
import { displayLine } from '../../text/sanitize.js'
import type { ParsedArgs } from '../args.js'
import { parseAssignments } from '../assignments.js'
import { checkContactId } from '../check-contact-id.js'
import { EXIT, type Io } from '../io.js'
import { reportInvalidFields, reportSaveError } from '../report-save-error.js'
import { withSession } from '../with-session.js'

/** `cc-tui set <id> field=value…`: changes fields of a contact. */
export async function setCommand(args: ParsedArgs, connection: Connection, paths: AppPaths, io: Io): Promise<number> {
  const [id, ...assignments] = args.rest as [string, ...string[]]
  if (!checkContactId(id, io)) return EXIT.invalid
  const parsed = parseAssignments(assignments)
  if (!parsed.ok) return reportInvalidFields(parsed.errors, io)
  try {
    return await withSession(connection, paths, io, async ({ client }) => {
      const { requestId } = await client.people.update(id, parsed.patch).withResponse()
      io.stdout.write(
        `Updated ${id}: ${Object.keys(parsed.patch).join(', ')}${requestId ? ` (request ${displayLine(requestId)})` : ''}\n`,
      )
      return EXIT.ok
    })
  } catch (error) {
    return reportSaveError(error, io)
  }
}
