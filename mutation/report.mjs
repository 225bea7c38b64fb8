// Reads a Stryker JSON report (mutation-testing-report-schema): counts, score, and the mutants still alive.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

const ALIVE = new Set(['Survived', 'NoCoverage'])

export function readReport(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** Counts per status and the score as Stryker defines it: (killed + timeout) / (those + survived + no coverage). */
export function summarize(report) {
  const counts = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, RuntimeError: 0, CompileError: 0, Ignored: 0 }
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1
  }
  const detected = counts.Killed + counts.Timeout
  const valid = detected + counts.Survived + counts.NoCoverage
  return {
    ...counts,
    errors: counts.RuntimeError + counts.CompileError,
    score: valid === 0 ? 100 : (100 * detected) / valid,
  }
}

/** The text a mutant replaced, from the file's source (locations are 1-based lines and columns). */
function original(source, { start, end }) {
  const lines = source.split('\n')
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1)
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1),
  ].join('\n')
}

const oneLine = (text, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** One line per surviving or uncovered mutant: `file:line:column [status] mutator: original → replacement`. */
export function aliveMutants(report, root = process.cwd()) {
  const lines = []
  for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const alive = file.mutants
      .filter((mutant) => ALIVE.has(mutant.status))
      .sort(
        (a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
      )
    for (const mutant of alive) {
      const where = `${relative(root, path) || path}:${mutant.location.start.line}:${mutant.location.start.column}`
      const change = `${oneLine(original(file.source, mutant.location))} → ${oneLine(mutant.replacement ?? '')}`
      lines.push(`${where} [${mutant.status}] ${mutant.mutatorName}: ${change}`)
    }
  }
  return lines
}
