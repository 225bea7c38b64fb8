import type { Connection } from '../../config/connection.js'
import type { AppPaths } from '../../config/paths.js'
import { describeError } from '../../services/describe-error.js'
import { findResume, type ResumeLookup } from '../../transfer/find-resume.js'
import { JournalBusyError, type JournalState } from '../../transfer/journal.js'
import type { PlannedRow } from '../../transfer/plan-row.js'
import {
  DEFAULT_IMPORT_CONCURRENCY,
  type ImportProgress,
  MAX_IMPORT_CONCURRENCY,
  runImport,
} from '../../transfer/run-import.js'
import { type ImportScan, importSource, scanImport, scanIsValid } from '../../transfer/scan-import.js'
import { formatRowProblem, SourceFileError } from '../../transfer/source-rows.js'
import type { ParsedArgs } from '../args.js'
import { confirm } from '../confirm.js'
import { canAsk, EXIT, type Io } from '../io.js'
import { progressLine } from '../progress-line.js'
import { withSession } from '../with-session.js'

const n = (count: number) => count.toLocaleString('en-US')
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`

/** One line of a dry run per row: what it would do, with the fields it would send. */
function describePlanned(planned: PlannedRow): string | undefined {
  switch (planned.action) {
    case 'create':
      return `row ${planned.row}: create ${planned.values.email ? `${planned.values.email} ` : ''}(${Object.keys(planned.values).join(', ')})`
    case 'update':
      return `row ${planned.row}: update ${planned.id} (${Object.keys(planned.values).join(', ')})`
    case 'skip':
      return `row ${planned.row}: skip (${planned.reason})`
    case 'invalid':
      return undefined
  }
}

function parseConcurrency(args: ParsedArgs, io: Io): number | undefined {
  if (args.concurrency === undefined) return DEFAULT_IMPORT_CONCURRENCY
  const value = Number(args.concurrency)
  if (Number.isInteger(value) && value >= 1 && value <= MAX_IMPORT_CONCURRENCY) return value
  io.stderr.write(
    `--concurrency: must be a whole number from 1 to ${MAX_IMPORT_CONCURRENCY} (you gave "${args.concurrency}")\n`,
  )
  return undefined
}

function describeResume(journal: JournalState): string {
  const { plan } = journal
  const total = plan.create + plan.update
  const state = journal.finishedAt
    ? `finished on ${plan.startedAt.slice(0, 10)} with ${plural(journal.failed.size, 'failed row')}`
    : `stopped after ${n(journal.done.size + journal.failed.size)} of ${n(total)} rows (started ${plan.startedAt.slice(0, 16).replace('T', ' ')} UTC)`
  return `An import of this file ${state}.`
}

/**
 * `cc-tui import FILE [--dry-run] [--match id|email] [--concurrency N] [--yes] [--restart] [--ignore-unknown]`.
 * First every row is read and checked (nothing is sent while any row is invalid), then the rows are sent with the
 * journal kept in the user state directory, so that a stopped import resumes where it stopped.
 */
export async function importCommand(
  args: ParsedArgs,
  connection: Connection,
  paths: AppPaths,
  io: Io,
): Promise<number> {
  const file = args.rest[0] as string
  const concurrency = parseConcurrency(args, io)
  if (concurrency === undefined) return EXIT.invalid
  if (!args.dryRun && !args.yes && !canAsk(io)) {
    io.stderr.write(
      'Not imported: add --yes to import without a terminal to confirm on (check the file first with --dry-run).\n',
    )
    return EXIT.invalid
  }

  // Pass 1: read and check every row, streaming; a dry run lists them as it goes.
  const progress = progressLine(io)
  let scan: ImportScan
  try {
    const source = importSource(file, { match: args.match ?? 'id', ignoreUnknown: args.ignoreUnknown }, args.format)
    scan = await scanImport(source, {
      onRow: (planned) => {
        if (planned.action === 'invalid') {
          progress.done()
          for (const problem of planned.problems) io.stderr.write(`${formatRowProblem(problem)}\n`)
        } else if (args.dryRun) {
          io.stdout.write(`${describePlanned(planned)}\n`)
        }
      },
      onBytes: (bytes, size) =>
        progress.update(`Checking ${file}… ${size > 0 ? Math.floor((bytes / size) * 100) : 100} %`),
    })
  } catch (error) {
    progress.done()
    const reason =
      error instanceof SourceFileError
        ? error.message
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file'
          : (error as Error).message
    io.stderr.write(`Cannot read ${file}: ${reason}\n`)
    return EXIT.invalid
  }
  progress.done()
  for (const problem of scan.headerProblems) {
    io.stderr.write(`column ${problem.position} "${problem.header}": ${problem.message}\n`)
  }
  if (scan.headerProblems.some((problem) => problem.message.startsWith('is not a contact field'))) {
    io.stderr.write('(--ignore-unknown imports the other columns and leaves these out)\n')
  }
  if (scan.ignoredColumns.length > 0) {
    io.stderr.write(`Not read: ${scan.ignoredColumns.map((header) => `"${header}"`).join(', ')}.\n`)
  }

  let lookup: ResumeLookup
  try {
    lookup = await findResume(paths.importsDir, scan)
  } catch (error) {
    io.stderr.write(`Cannot read the journal of this import: ${(error as Error).message}\n`)
    return EXIT.api
  }
  const { counts } = scan
  const summary = `${plural(counts.create, 'row')} to create, ${n(counts.update)} to update, ${n(counts.skip)} to skip, ${n(counts.invalid)} invalid (${plural(scan.rows, 'row')}, ${scan.format.toUpperCase()}).`
  const resumable = lookup.journal && !args.restart && !lookup.optionsDiffer ? lookup.journal : undefined

  if (args.dryRun) {
    io.stdout.write(`${summary}\n`)
    if (resumable) {
      io.stdout.write(
        `${describeResume(resumable)} A real run resumes it: ${plural(resumable.done.size, 'row')} already done would not be sent again.\n`,
      )
    }
    return scanIsValid(scan) ? EXIT.ok : EXIT.invalid
  }
  if (!scanIsValid(scan)) {
    io.stderr.write(`${summary}\nNothing was sent: fix the rows above (check again with --dry-run).\n`)
    return EXIT.invalid
  }
  if (lookup.journal && lookup.optionsDiffer && !args.restart) {
    io.stderr.write(
      `${describeResume(lookup.journal)} It ran ${lookup.optionsDiffer}: run the same command with that to resume it, or add --restart to start over.\n`,
    )
    return EXIT.invalid
  }
  for (const earlier of lookup.earlierVersions) {
    io.stderr.write(
      `Note: ${file} has changed since an unfinished import of it (${earlier.startedAt.slice(0, 16).replace('T', ' ')} UTC), so this is a new import: its rows are all sent, those with an email update the contact that has it, those without one create a contact even if the earlier import did.\n`,
    )
  }

  let resume: JournalState | undefined
  if (resumable) {
    io.stderr.write(`${describeResume(resumable)}\n`)
    if (args.yes || (await confirm('Resume it (rows already done are not sent again)?', io, true))) {
      resume = resumable
      io.stderr.write(`Resuming: ${plural(resumable.done.size, 'row')} already done.\n`)
    } else {
      io.stderr.write('Not imported. (--restart starts this file over.)\n')
      return EXIT.ok
    }
  } else if (!args.yes) {
    io.stderr.write(`${summary}\n`)
    if (!(await confirm(`Import ${file} into the ${connection.mode === 'sandbox' ? 'sandbox' : 'account'}?`, io))) {
      io.stderr.write('Not imported: nothing was sent.\n')
      return EXIT.ok
    }
  }

  // Pass 2: send.
  const interrupt = new AbortController()
  const onSignal = () => interrupt.abort(new Error('interrupted'))
  process.once('SIGINT', onSignal)
  const show = (p: ImportProgress) =>
    progress.update(
      `Importing… ${n(p.done)} of ${n(p.total)} rows (${n(p.created)} created, ${n(p.updated)} updated, ${n(p.failed)} failed)`,
    )
  try {
    const result = await withSession(connection, paths, io, ({ client }) =>
      runImport({
        client,
        scan,
        journalDir: paths.importsDir,
        ...(resume ? { resume } : {}),
        concurrency,
        signal: interrupt.signal,
        onProgress: show,
      }),
    )
    progress.done()
    for (const failure of result.failures) io.stderr.write(`row ${failure.row}: ${failure.error}\n`)
    if (result.failed > result.failures.length) {
      io.stderr.write(`… and ${n(result.failed - result.failures.length)} more failed rows.\n`)
    }
    const before = result.alreadyDone + result.replayed
    const already = before > 0 ? `, ${n(before)} done before` : ''
    io.stdout.write(
      `${result.stopped ? 'So far: c' : 'C'}reated ${n(result.created)}, updated ${n(result.updated)}, skipped ${n(result.skipped)}, failed ${n(result.failed)}${already} (${n(result.done)} of ${n(result.total)} rows done).\n`,
    )
    if (result.stopped) {
      io.stderr.write(
        `Import stopped: ${result.stopped.message}\nRun the same command again to resume; rows already done are not sent again.\n`,
      )
      return result.stopped.kind === 'aborted' ? 130 : EXIT.api
    }
    if (result.failed > 0) {
      io.stderr.write(
        'Run the same command again to retry the failed rows (rows done are not sent again); an edited file is a new import.\n',
      )
      return EXIT.api
    }
    return EXIT.ok
  } catch (error) {
    progress.done()
    if (error instanceof JournalBusyError) {
      io.stderr.write(`Not imported: ${error.message}.\n`)
      return EXIT.invalid
    }
    io.stderr.write(`Not imported: ${describeError(error).message}\n`)
    return EXIT.api
  } finally {
    process.removeListener('SIGINT', onSignal)
  }
}
