import { createClient } from '@cc/client'
import { ContactId } from '@cc/schema'
import { describeError } from '../services/describe-error.js'
import { openSession, type Session } from '../services/session.js'
import { readConfigFile, writeConfigFile } from '../config/config-file.js'
import type { Connection } from '../config/connection.js'
import type { AppPaths } from '../config/paths.js'
import type { ParsedArgs } from './args.js'
import { parseAssignments } from './assignments.js'
import { formatContact } from './format-contact.js'
import { readSecret } from './read-secret.js'

export interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
}

/** Exit codes: 0 done, 1 API or network problem, 2 invalid input. */
export const EXIT = { ok: 0, api: 1, invalid: 2 } as const

async function withSession<T>(
  connection: Connection,
  paths: AppPaths,
  io: Io,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  if (connection.mode === 'sandbox' && connection.reason === 'no-key') {
    io.stderr.write('No API key (set CC_API_KEY or run `cc-tui login`): using the local sandbox with demo data.\n')
  }
  const session = await openSession(connection, paths)
  try {
    return await work(session)
  } finally {
    await session.close()
  }
}

function checkId(id: string, io: Io): boolean {
  const result = ContactId.safeParse(id)
  if (result.success) return true
  io.stderr.write(`Contact id "${id}": ${result.error.issues[0]?.message ?? 'is not valid'}\n`)
  return false
}

export async function getCommand(args: ParsedArgs, connection: Connection, paths: AppPaths, io: Io): Promise<number> {
  const id = args.rest[0] as string
  if (!checkId(id, io)) return EXIT.invalid
  try {
    return await withSession(connection, paths, io, async ({ client }) => {
      const person = await client.people.get(id)
      io.stdout.write(args.json ? `${JSON.stringify(person, null, 2)}\n` : formatContact(person))
      return EXIT.ok
    })
  } catch (error) {
    io.stderr.write(`${describeError(error).message}\n`)
    return EXIT.api
  }
}

export async function setCommand(args: ParsedArgs, connection: Connection, paths: AppPaths, io: Io): Promise<number> {
  const [id, ...assignments] = args.rest as [string, ...string[]]
  if (!checkId(id, io)) return EXIT.invalid
  const parsed = parseAssignments(assignments)
  if (!parsed.ok) {
    io.stderr.write('Not saved:\n')
    for (const [field, message] of Object.entries(parsed.errors)) io.stderr.write(`  ${field}: ${message}\n`)
    return EXIT.invalid
  }
  try {
    return await withSession(connection, paths, io, async ({ client }) => {
      const { requestId } = await client.people.update(id, parsed.patch).withResponse()
      io.stdout.write(
        `Updated ${id}: ${Object.keys(parsed.patch).join(', ')}${requestId ? ` (request ${requestId})` : ''}\n`,
      )
      return EXIT.ok
    })
  } catch (error) {
    const described = describeError(error)
    io.stderr.write(`Not saved: ${described.message}\n`)
    if (described.fieldErrors) {
      for (const [field, message] of Object.entries(described.fieldErrors)) io.stderr.write(`  ${field}: ${message}\n`)
      return EXIT.invalid
    }
    return EXIT.api
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += chunk.toString()
  return text
}

export async function loginCommand(args: ParsedArgs, env: NodeJS.ProcessEnv, paths: AppPaths, io: Io): Promise<number> {
  let apiKey = args.apiKey
  if (!apiKey) {
    apiKey = io.stdin.isTTY
      ? await readSecret('API key (from Admin > API Keys): ', io)
      : (await readAll(io.stdin)).trim()
  }
  if (!apiKey) {
    io.stderr.write('No key given. Pass --api-key, pipe the key in, or type it when asked.\n')
    return EXIT.invalid
  }
  const baseUrl = args.baseUrl ?? (env.CC_BASE_URL?.trim() || undefined)
  let client: ReturnType<typeof createClient>
  try {
    client = createClient({ apiKey, ...(baseUrl ? { baseUrl } : {}), logLevel: 'off' })
  } catch (error) {
    io.stderr.write(`${describeError(error).message}\n`)
    return EXIT.invalid
  }
  if (args.verify) {
    try {
      const me = await client.me({ maxRetries: 1 })
      io.stdout.write(
        `The key works: signed in as ${[me.firstName, me.lastName].filter(Boolean).join(' ') || me.email}.\n`,
      )
    } catch (error) {
      io.stderr.write(`${describeError(error).message}\nThe key was not saved (use --no-verify to save it anyway).\n`)
      return EXIT.api
    }
  }
  let existing = {}
  try {
    existing = readConfigFile(paths.configFile)
  } catch {
    // A broken file is replaced.
  }
  writeConfigFile(paths.configFile, { ...existing, apiKey, ...(baseUrl ? { baseUrl } : {}) })
  io.stdout.write(`Saved to ${paths.configFile} (readable only by you).\n`)
  return EXIT.ok
}

export function logoutCommand(paths: AppPaths, io: Io): number {
  let existing: ReturnType<typeof readConfigFile> = {}
  try {
    existing = readConfigFile(paths.configFile)
  } catch {
    // A broken file is replaced.
  }
  const { apiKey: _forgotten, ...rest } = existing
  writeConfigFile(paths.configFile, rest)
  io.stdout.write(`The saved API key is gone from ${paths.configFile}.\n`)
  return EXIT.ok
}
