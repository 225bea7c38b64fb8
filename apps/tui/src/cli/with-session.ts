import type { Connection } from '../config/connection.js'
import type { AppPaths } from '../config/paths.js'
import { openSession, type Session } from '../services/session.js'
import type { Io } from './io.js'

/** Runs `work` with a connected client, saying so when it is the sandbox for want of a key, and closes it after. */
export async function withSession<T>(
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
