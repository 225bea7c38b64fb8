import { extname } from 'node:path'
import type { Writable } from 'node:stream'
import type { Connection } from '../../config/connection.js'
import type { AppPaths } from '../../config/paths.js'
import { describeError } from '../../services/describe-error.js'
import { openAtomicOutput } from '../../transfer/atomic-output.js'
import { exportContacts } from '../../transfer/export-contacts.js'
import type { TransferFormat } from '../../transfer/source-rows.js'
import type { ParsedArgs } from '../args.js'
import { EXIT, type Io } from '../io.js'
import { progressLine } from '../progress-line.js'
import { withSession } from '../with-session.js'

/** `--format`, else what `--out`'s name says (`.jsonl`, `.ndjson`), else CSV. */
function formatOf(args: ParsedArgs): TransferFormat {
  if (args.format) return args.format
  const extension = args.out ? extname(args.out).toLowerCase() : ''
  return extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : 'csv'
}

const isBrokenPipe = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE'

/**
 * `cc-tui export [--format csv|jsonl] [--out FILE]`: every contact, streamed page by page, to stdout or to a file
 * (written whole or not at all). Progress on stderr when it is a terminal.
 */
export async function exportCommand(
  args: ParsedArgs,
  connection: Connection,
  paths: AppPaths,
  io: Io,
): Promise<number> {
  const format = formatOf(args)
  let output: ReturnType<typeof openAtomicOutput> | undefined
  if (args.out) {
    try {
      output = openAtomicOutput(args.out)
    } catch (error) {
      io.stderr.write(`Cannot write ${args.out}: ${(error as Error).message}\n`)
      return EXIT.invalid
    }
  }
  // CSV on the terminal itself would be drawn over by the progress line.
  const progress = progressLine(io, output !== undefined || !io.stdout.isTTY)
  const interrupt = new AbortController()
  const onSignal = () => interrupt.abort(new Error('interrupted'))
  process.once('SIGINT', onSignal)
  try {
    const count = await withSession(connection, paths, io, ({ client }) =>
      exportContacts({
        client,
        format,
        output: output?.stream ?? (io.stdout as unknown as Writable),
        keepOpen: output === undefined,
        signal: interrupt.signal,
        onProgress: (n) => progress.update(`Exporting… ${n.toLocaleString('en-US')} contacts`),
      }),
    )
    progress.done()
    output?.commit()
    io.stderr.write(
      `Exported ${count.toLocaleString('en-US')} contact${count === 1 ? '' : 's'}${args.out ? ` to ${args.out}` : ''} (${format.toUpperCase()}).\n`,
    )
    return EXIT.ok
  } catch (error) {
    progress.done()
    output?.discard()
    // `cc-tui export | head`: the reader has what it wanted.
    if (isBrokenPipe(error)) return EXIT.ok
    if (interrupt.signal.aborted) {
      io.stderr.write(`Export stopped${args.out ? `: ${args.out} was not written` : ''}.\n`)
      return 130
    }
    io.stderr.write(
      `Export failed${args.out ? ` (${args.out} was not written)` : ''}: ${describeError(error).message}\n`,
    )
    return EXIT.api
  } finally {
    process.removeListener('SIGINT', onSignal)
  }
}
