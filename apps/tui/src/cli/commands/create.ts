import type { Connection } from '../../config/connection.js'
import type { AppPaths } from '../../config/paths.js'
import type { ParsedArgs } from '../args.js'
import { parseAssignments } from '../assignments.js'
import { EXIT, type Io } from '../io.js'
import { reportInvalidFields, reportSaveError } from '../report-save-error.js'
import { withSession } from '../with-session.js'

/**
 * `cc-tui create field=value… [--json]`: creates a contact and prints its id (or the contact as JSON). The API
 * updates the contact that already has the email instead: then it says so on stderr, and prints that id.
 */
export async function createCommand(
  args: ParsedArgs,
  connection: Connection,
  paths: AppPaths,
  io: Io,
): Promise<number> {
  const parsed = parseAssignments(args.rest, 'create')
  if (!parsed.ok) return reportInvalidFields(parsed.errors, io)
  try {
    return await withSession(connection, paths, io, async ({ client }) => {
      // The client gives the call an idempotency key, reused by its retries: a lost answer cannot create twice.
      const result = await client.people.create(parsed.patch)
      if (!result.created) {
        io.stderr.write(`A contact with this email already existed: updated it (${result.id}).\n`)
      }
      io.stdout.write(args.json ? `${JSON.stringify(result.person, null, 2)}\n` : `${result.id}\n`)
      return EXIT.ok
    })
  } catch (error) {
    return reportSaveError(error, io)
  }
}
