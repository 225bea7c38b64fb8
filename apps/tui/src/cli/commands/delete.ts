import { NotFoundError } from '@cc/client'
import type { Connection } from '../../config/connection.js'
import type { AppPaths } from '../../config/paths.js'
import { describeError } from '../../services/describe-error.js'
import type { ParsedArgs } from '../args.js'
import { checkContactId } from '../check-contact-id.js'
import { confirm } from '../confirm.js'
import { displayName } from '../display-name.js'
import { canAsk, EXIT, type Io } from '../io.js'
import { withSession } from '../with-session.js'

const gone = (id: string) => `Contact ${id} is already gone (404): nothing to delete.\n`

/**
 * `cc-tui delete <id> [--permanent] --yes`: moves a contact to the trash, or deletes it for good. Without `--yes`
 * it asks on a terminal, and refuses without one. A contact that is already gone is not an error.
 */
export async function deleteCommand(
  args: ParsedArgs,
  connection: Connection,
  paths: AppPaths,
  io: Io,
): Promise<number> {
  const id = args.rest[0] as string
  if (!checkContactId(id, io)) return EXIT.invalid
  if (!args.yes && !canAsk(io)) {
    io.stderr.write(`Not deleted: add --yes to delete ${id} without a terminal to confirm on.\n`)
    return EXIT.invalid
  }
  try {
    return await withSession(connection, paths, io, async ({ client }) => {
      if (!args.yes) {
        let name: string
        try {
          name = displayName(await client.people.get(id))
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error
          io.stdout.write(gone(id))
          return EXIT.ok
        }
        const question = args.permanent
          ? `Delete ${name} (${id}) for good? This cannot be undone.`
          : `Move ${name} (${id}) to the trash?`
        if (!(await confirm(question, io))) {
          io.stderr.write('Not deleted.\n')
          return EXIT.ok
        }
      }
      try {
        await client.people.delete(id, { permanent: args.permanent })
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error
        io.stdout.write(gone(id))
        return EXIT.ok
      }
      io.stdout.write(args.permanent ? `Deleted ${id} for good.\n` : `Moved ${id} to the trash.\n`)
      return EXIT.ok
    })
  } catch (error) {
    io.stderr.write(`Not deleted: ${describeError(error).message}\n`)
    return EXIT.api
  }
}
