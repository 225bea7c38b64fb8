import type { Column, Row } from './report.ts'
import type { ChartSeries } from './svg-chart.ts'
import { formatCount } from './svg-chart.ts'

/** One measured figure at three (or more) sizes, the first being the base of its ratios. */
export interface Figure {
  name: string
  unit: string
  /** The sizes it was measured at (contacts, or items), ascending. */
  sizes: readonly number[]
  /** One value per size; `null` when that size could not be measured. */
  values: ReadonlyArray<number | null>
}

/** `value` ÷ `base`, or `null` when either is missing or the base is not positive. */
export function ratioTo(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value == null || base == null || !Number.isFinite(value) || !Number.isFinite(base) || base <= 0) return null
  return value / base
}

/** Three significant digits, without a thousands separator's ambiguity: 0.0412, 1.29, 262, 1 204. */
export function formatValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–'
  if (Math.abs(value) >= 1000) return formatCount(value)
  return Number(value.toPrecision(3)).toString()
}

/**
 * Columns of a growth table: the figure, its unit, its value at each of `sizes` and its ratio at every size but the
 * first to its value at the first. `sizes` label the columns (the contacts); figures measured at other sizes say
 * so in their names.
 */
export function growthColumns(sizes: readonly number[]): Column[] {
  const first = formatCount(sizes[0] as number)
  return [
    { key: 'figure', label: 'figure' },
    { key: 'unit', label: 'unit' },
    ...sizes.map((size, i) => ({ key: `v${i}`, label: formatCount(size), align: 'right' as const })),
    ...sizes.slice(1).map((size, i) => ({ key: `r${i + 1}`, label: `${formatCount(size)} ÷ ${first}`, digits: 2 })),
  ]
}

export function growthRow(figure: Figure): Row {
  const row: Row = { figure: figure.name, unit: figure.unit }
  const base = figure.values[0] ?? null
  figure.values.forEach((value, i) => {
    row[`v${i}`] = formatValue(value)
    if (i > 0) row[`r${i}`] = ratioTo(value, base)
  })
  return row
}

/** A figure as a line of ratios to its first value, over its sizes; missing values are left out. */
export function ratioSeries(figure: Figure, name = figure.name): ChartSeries {
  const base = figure.values[0] ?? null
  const points = figure.sizes.flatMap((x, i) => {
    const y = ratioTo(figure.values[i], base)
    return y === null ? [] : [{ x, y }]
  })
  return { name, points }
}
