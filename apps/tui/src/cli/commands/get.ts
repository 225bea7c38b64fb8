import { escapeTerminalText } from '@cc/client'
import type { Connection } from '../../config/connection.js'
import type { AppPaths } from '../../config/paths.js'
import { describeError } from '../../services/describe-error.js'
import type { ParsedArgs } from '../args.js'
import { checkContactId } from '../check-contact-id.js'
import { formatContact } from '../format-contact.js'
import { EXIT, type Io } from '../io.js'
import { withSession } from '../with-session.js'

/** `cc-tui get <id> [--json]`: prints a contact. */
export async function getCommand(args: ParsedArgs, connection: Connection, paths: AppPaths, io: Io): Promise<number> {
  const id = args.rest[0] as string
  if (!checkContactId(id, io)) return EXIT.invalid
  try {
    return await withSession(connection, paths, io, async ({ client }) => {
      const person = await client.people.get(id)
      // JSON keeps every character, with DEL, C1, bidi and zero-width ones written as \u escapes.
      io.stdout.write(args.json ? `${escapeTerminalText(JSON.stringify(person, null, 2))}\n` : formatContact(person))
      return EXIT.ok
    })
  } catch (error) {
    io.stderr.write(`${describeError(error).message}\n`)
    return EXIT.api
  }
}
