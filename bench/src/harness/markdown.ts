import { formatMachine } from './machine.ts'
import type { ResultRecord } from './results.ts'
import { formatMarkdownTable } from './table.ts'

export const RESULTS_START = '<!-- results:start (written by `pnpm bench` from bench/results/*.json) -->'
export const RESULTS_END = '<!-- results:end -->'

/** The results section of BENCHMARKS.md: one table per benchmark, its targets and notes. */
export function renderResults(records: readonly ResultRecord[]): string {
  const parts: string[] = []
  for (const record of records) {
    parts.push(`### ${record.number}. ${record.title}`, '')
    parts.push(`Run ${record.date.slice(0, 16).replace('T', ' ')} UTC on ${formatMachine(record.machine)}.`, '')
    if (record.skipped) {
      parts.push(`Skipped: ${record.skipped}`, '')
      continue
    }
    parts.push(formatMarkdownTable(record.columns, record.rows), '')
    if (record.chart) parts.push(`![${record.chart.alt}](${record.chart.file})`, '', record.chart.caption, '')
    for (const t of record.targets) {
      parts.push(`- ${t.met ? 'Target met' : '**Target missed**'}: ${t.name} ${t.actual} (goal ${t.goal})`)
    }
    for (const failure of record.failures) parts.push(`- **Failed**: ${failure}`)
    for (const note of record.notes) parts.push(`- ${note}`)
    parts.push('')
  }
  return parts.join('\n').trimEnd()
}

/** `document` with the text between the result markers replaced; throws when the markers are missing. */
export function replaceResults(document: string, results: string): string {
  const start = document.indexOf(RESULTS_START)
  const end = document.indexOf(RESULTS_END)
  if (start === -1 || end === -1 || end < start) {
    throw new Error('BENCHMARKS.md has no results markers; add them where the results belong')
  }
  return `${document.slice(0, start + RESULTS_START.length)}\n\n${results}\n\n${document.slice(end)}`
}
