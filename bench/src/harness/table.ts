import type { Cell, Column, Row } from './report.ts'

export function formatCell(value: Cell | undefined, column: Column): string {
  if (value === null || value === undefined) return '–'
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return '–'
  const digits = column.digits ?? 0
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

const isNumeric = (column: Column, rows: readonly Row[]): boolean =>
  column.align ? column.align === 'right' : rows.some((row) => typeof row[column.key] === 'number')

/** A plain-text table for the terminal: numbers right-aligned, text left-aligned. */
export function formatTable(columns: readonly Column[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column.key], column)))
  const widths = columns.map((column, i) => Math.max(column.label.length, ...cells.map((line) => line[i]?.length ?? 0)))
  const right = columns.map((column) => isNumeric(column, rows))
  const pad = (text: string, i: number) =>
    right[i] ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number)
  const line = (texts: readonly string[]) => texts.map(pad).join('  ').trimEnd()
  const rule = widths.map((width) => '─'.repeat(width)).join('  ')
  return [line(columns.map((column) => column.label)), rule, ...cells.map(line)].join('\n')
}

/** The same table in GitHub Markdown. */
export function formatMarkdownTable(columns: readonly Column[], rows: readonly Row[]): string {
  const right = columns.map((column) => isNumeric(column, rows))
  const escapePipes = (text: string) => text.replaceAll('|', '\\|')
  const header = `| ${columns.map((column) => escapePipes(column.label)).join(' | ')} |`
  const align = `| ${right.map((r) => (r ? '---:' : ':---')).join(' | ')} |`
  const body = rows.map((row) => `| ${columns.map((c) => escapePipes(formatCell(row[c.key], c))).join(' | ')} |`)
  return [header, align, ...body].join('\n')
}
