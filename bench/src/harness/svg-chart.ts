/**
 * A line chart with both axes log-scaled, as a self-contained SVG document (no script, no external font or style):
 * what a growth curve needs, and small enough not to want a charting library and its dependencies.
 */

export interface Point {
  x: number
  y: number
}

export interface ChartSeries {
  name: string
  points: readonly Point[]
}

export interface LogChartOptions {
  title: string
  xLabel: string
  yLabel: string
  series: readonly ChartSeries[]
  /** Grey dashed lines behind the series, named in the legend (e.g. "constant", "proportional to size"). */
  guides?: readonly ChartSeries[]
  /** Label of an x tick; default: the number with thin-space thousands separators. */
  formatX?: (x: number) => string
  width?: number
  height?: number
}

/** Tableau 10 with near-black for its grey (grey is for guides): distinguishable, and dashed after ten lines. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#333333',
]
const DASHES = ['', '6 3', '2 3', '8 3 2 3']
const GUIDE_COLOUR = '#9a9a9a'
const GUIDE_DASHES = ['4 4', '1 3']
const FONT = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif'

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

/** `1 000 000`: a thin space between thousands, as BENCHMARKS.md writes sizes. */
export const formatCount = (value: number): string =>
  Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009')

const STEPS = [1, 2, 5]
const decade = (value: number) => 10 ** Math.floor(Math.log10(value))
/** Tolerates the rounding of `log10` and of multiplying powers of ten. */
const EPSILON = 1e-9

/** The largest of …, 0.5, 1, 2, 5, 10, 20, … that is ≤ `value` (> 0). */
export function floorNice(value: number): number {
  const base = decade(value * (1 + EPSILON))
  const step = [...STEPS].reverse().find((s) => s * base <= value * (1 + EPSILON)) ?? 1
  return Number((step * base).toPrecision(12))
}

/** The smallest of …, 0.5, 1, 2, 5, 10, 20, … that is ≥ `value` (> 0). */
export function ceilNice(value: number): number {
  const base = decade(value / (1 + EPSILON))
  const step = STEPS.find((s) => s * base >= value / (1 + EPSILON))
  return Number(((step ?? 10) * base).toPrecision(12))
}

/** The values 1-2-5 (…, 0.5, 1, 2, 5, 10, …) from `min` to `max` inclusive: ticks of a log axis. */
export function niceLogTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) throw new RangeError(`a log axis needs 0 < min ≤ max, got ${min} and ${max}`)
  const ticks: number[] = []
  for (let base = decade(floorNice(min)); base <= max * (1 + EPSILON); base *= 10) {
    for (const step of STEPS) {
      const tick = Number((step * base).toPrecision(12))
      if (tick >= min / (1 + EPSILON) && tick <= max * (1 + EPSILON)) ticks.push(tick)
    }
  }
  return ticks
}

/** Maps [lo, hi] (> 0) logarithmically onto [from, to]. */
export function logScale(lo: number, hi: number, from: number, to: number): (value: number) => number {
  if (!(lo > 0) || !(hi > 0)) throw new RangeError(`a log scale needs positive bounds, got ${lo} and ${hi}`)
  const span = Math.log(hi) - Math.log(lo)
  if (span === 0) return () => (from + to) / 2
  return (value) => from + ((Math.log(value) - Math.log(lo)) / span) * (to - from)
}

const plottable = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 0 && p.y > 0
const fixed = (value: number) => Number(value.toFixed(1))
const formatTick = (value: number) => (value >= 1 ? formatCount(value) : String(value))

/** The chart as an SVG document. Points that a log axis cannot show (≤ 0, not finite) are left out of the lines. */
export function logLogChart(options: LogChartOptions): string {
  const { title, xLabel, yLabel, series, guides = [], formatX = formatCount } = options
  if (series.length === 0) throw new RangeError('a chart needs at least one series')
  for (const s of [...series, ...guides]) {
    const bad = s.points.find((p) => !(p.x > 0) || !Number.isFinite(p.x))
    if (bad) throw new RangeError(`series "${s.name}": x must be a positive number on a log axis, got ${bad.x}`)
  }
  const all = [...series, ...guides].flatMap((s) => s.points.filter(plottable))
  if (all.length === 0) throw new RangeError('a chart needs at least one point with a positive value')

  const width = options.width ?? 760
  const legendWidth = 230
  const legendRows = series.length + guides.length
  const height = Math.max(options.height ?? 440, 70 + legendRows * 18)
  const plot = { left: 64, right: width - legendWidth - 16, top: 44, bottom: height - 56 }

  const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b)
  const xLo = xs[0] as number
  const xHi = xs.at(-1) as number
  const ys = all.map((p) => p.y)
  const yLo = floorNice(Math.min(1, ...ys))
  const yHi = ceilNice(Math.max(2, ...ys))
  // A little room at both ends of x, so that the first and last points do not sit on the frame.
  const pad = xHi > xLo ? (Math.log(xHi) - Math.log(xLo)) * 0.04 : 0.5
  const x = logScale(xLo / Math.exp(pad), xHi * Math.exp(pad), plot.left, plot.right)
  const y = logScale(yLo, yHi, plot.bottom, plot.top)

  const out: string[] = []
  const add = (line: string) => out.push(line)
  add(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title">`,
  )
  add(`<title id="chart-title">${escapeXml(title)}</title>`)
  add(`<rect width="${width}" height="${height}" fill="#ffffff"/>`)
  add(`<g font-family="${FONT}" font-size="12" fill="#222222">`)
  add(`<text x="${plot.left}" y="24" font-size="15" font-weight="600">${escapeXml(title)}</text>`)

  // Grid and ticks.
  for (const tick of niceLogTicks(yLo, yHi)) {
    const ty = fixed(y(tick))
    const major = Number.isInteger(Math.log10(tick))
    add(`<line x1="${plot.left}" y1="${ty}" x2="${plot.right}" y2="${ty}" stroke="${major ? '#d0d0d0' : '#ececec'}"/>`)
    add(`<text x="${plot.left - 6}" y="${fixed(ty + 4)}" text-anchor="end">${escapeXml(formatTick(tick))}×</text>`)
  }
  for (const tick of xs) {
    const tx = fixed(x(tick))
    add(`<line x1="${tx}" y1="${plot.top}" x2="${tx}" y2="${plot.bottom}" stroke="#e4e4e4"/>`)
    add(`<text x="${tx}" y="${plot.bottom + 18}" text-anchor="middle">${escapeXml(formatX(tick))}</text>`)
  }
  add(
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#888888"/>`,
  )
  add(
    `<text x="${fixed((plot.left + plot.right) / 2)}" y="${height - 14}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
  )
  const yMid = fixed((plot.top + plot.bottom) / 2)
  add(`<text x="16" y="${yMid}" text-anchor="middle" transform="rotate(-90 16 ${yMid})">${escapeXml(yLabel)}</text>`)

  // Lines: guides first (behind), then the series with a marker on every point.
  const path = (points: readonly Point[]) =>
    points
      .filter(plottable)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${fixed(x(p.x))} ${fixed(y(p.y))}`)
      .join(' ')
  const legendX = plot.right + 20
  let legendY = plot.top + 6
  const legendEntry = (name: string, stroke: string, dash: string, marker: boolean) => {
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : ''
    add(
      `<line x1="${legendX}" y1="${legendY}" x2="${legendX + 26}" y2="${legendY}" stroke="${stroke}" stroke-width="2"${dashAttr}/>`,
    )
    if (marker) add(`<circle cx="${legendX + 13}" cy="${legendY}" r="3" fill="${stroke}"/>`)
    add(`<text x="${legendX + 34}" y="${legendY + 4}">${escapeXml(name)}</text>`)
    legendY += 18
  }
  const guideDash = (i: number) => GUIDE_DASHES[i % GUIDE_DASHES.length] as string
  guides.forEach((guide, i) => {
    const d = path(guide.points)
    if (d)
      add(`<path d="${d}" fill="none" stroke="${GUIDE_COLOUR}" stroke-width="1.5" stroke-dasharray="${guideDash(i)}"/>`)
  })
  series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length] as string
    const dash = DASHES[Math.floor(i / PALETTE.length) % DASHES.length] as string
    const d = path(s.points)
    add(`<g class="series" data-name="${escapeXml(s.name)}">`)
    add(`<title>${escapeXml(s.name)}</title>`)
    if (d)
      add(
        `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      )
    for (const p of s.points.filter(plottable)) {
      add(`<circle cx="${fixed(x(p.x))}" cy="${fixed(y(p.y))}" r="3" fill="${colour}"/>`)
    }
    add('</g>')
    legendEntry(s.name, colour, dash, true)
  })
  for (const [i, guide] of guides.entries()) legendEntry(guide.name, GUIDE_COLOUR, guideDash(i), false)
  add('</g>')
  add('</svg>')
  return `${out.join('\n')}\n`
}
