import { homedir } from 'node:os'
import type { ImportPreview } from '../state/jobs/import-preview.js'
import { findResume } from '../transfer/find-resume.js'
import { importSource, scanImport } from '../transfer/scan-import.js'
import { formatRowProblem, SourceFileError } from '../transfer/source-rows.js'

/** Problems a preview lists; the rest are counted. */
const PROBLEMS_KEPT = 200

/**
 * Reads and checks an import file the way `cc-tui import --dry-run` does (every row against the schema, streamed),
 * and looks for an unfinished import of it to resume. Throws an `Error` whose message says why the file cannot be
 * read.
 */
export async function checkImport(path: string, importsDir: string, signal?: AbortSignal): Promise<ImportPreview> {
  const problems: string[] = []
  let moreProblems = 0
  const keep = (text: string) => {
    if (problems.length < PROBLEMS_KEPT) problems.push(text)
    else moreProblems++
  }
  let scan: Awaited<ReturnType<typeof scanImport>>
  try {
    // A path typed in the editor has no shell to expand `~`.
    const file = path.replace(/^~(?=\/|$)/, homedir())
    scan = await scanImport(importSource(file, { match: 'id' }), {
      onRow: (planned) => {
        if (planned.action === 'invalid') for (const problem of planned.problems) keep(formatRowProblem(problem))
      },
      ...(signal ? { signal } : {}),
    })
  } catch (error) {
    if (error instanceof SourceFileError) throw new Error(`Cannot read ${path}: ${error.message}`)
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message
    throw new Error(`Cannot read ${path}: ${reason}`)
  }
  for (const problem of scan.headerProblems.toReversed()) {
    problems.unshift(`column ${problem.position} "${problem.header}": ${problem.message}`)
  }
  const lookup = await findResume(importsDir, scan)
  return {
    scan,
    problems,
    moreProblems,
    resume: lookup.journal && !lookup.optionsDiffer ? lookup.journal : undefined,
    blocked: lookup.optionsDiffer
      ? `An unfinished import of this file ran ${lookup.optionsDiffer}: resume it with cc-tui import.`
      : undefined,
  }
}
