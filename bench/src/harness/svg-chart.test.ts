import { describe, expect, it } from 'vitest'
import { ceilNice, escapeXml, floorNice, formatCount, logLogChart, logScale, niceLogTicks } from './svg-chart.ts'

describe('nice log bounds and ticks', () => {
  it('rounds down and up to 1, 2, 5 times a power of ten', () => {
    expect([0.7, 1, 1.9, 3, 7, 10, 420].map(floorNice)).toEqual([0.5, 1, 1, 2, 5, 10, 200])
    expect([0.7, 1, 1.9, 3, 7, 10, 420].map(ceilNice)).toEqual([1, 1, 2, 5, 10, 10, 500])
  })

  it('lists the 1-2-5 values between the bounds, inclusive', () => {
    expect(niceLogTicks(0.5, 20)).toEqual([0.5, 1, 2, 5, 10, 20])
    expect(niceLogTicks(1, 1000)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
    expect(niceLogTicks(3, 4)).toEqual([])
  })

  it('refuses bounds a log axis cannot have', () => {
    expect(() => niceLogTicks(0, 10)).toThrow(/0 < min ≤ max/)
    expect(() => niceLogTicks(10, 1)).toThrow(/0 < min ≤ max/)
  })
})

describe('logScale', () => {
  it('puts each decade the same distance apart', () => {
    const x = logScale(1000, 100_000, 0, 200)
    expect(x(1000)).toBe(0)
    expect(x(10_000)).toBeCloseTo(100, 10)
    expect(x(100_000)).toBeCloseTo(200, 10)
    // Upwards on screen: a y axis maps the low end to the bottom.
    expect(logScale(1, 100, 300, 100)(10)).toBeCloseTo(200, 10)
  })
})

describe('text', () => {
  it('escapes what XML would read as markup', () => {
    expect(escapeXml(`p95 < 2× & "one" 'word'`)).toBe('p95 &lt; 2× &amp; &quot;one&quot; &apos;word&apos;')
  })

  it('writes sizes with thin spaces between thousands', () => {
    expect(formatCount(1_000_000)).toBe('1\u2009000\u2009000')
    expect(formatCount(999)).toBe('999')
  })
})

/** The coordinates of a series' line, by the `d` of its path. */
function linePoints(svg: string, name: string): Array<[number, number]> {
  const group = svg.split('<g class="series"').find((part) => part.startsWith(` data-name="${name}"`))
  const d = group?.match(/<path d="([^"]+)"/)?.[1]
  if (!d) throw new Error(`no line for ${name}`)
  return d
    .split(/ ?[ML]/)
    .filter(Boolean)
    .map((pair) => pair.split(' ').map(Number) as [number, number])
}

/** The y of the grid line labelled `label` on the y axis. */
function yOfTick(svg: string, label: string): number {
  const match = new RegExp(`<text x="[\\d.]+" y="([\\d.]+)" text-anchor="end">${label}×</text>`).exec(svg)
  if (!match) throw new Error(`no tick ${label}`)
  return Number(match[1]) - 4
}

describe('logLogChart', () => {
  const chart = logLogChart({
    title: 'Growth <contacts>',
    xLabel: 'contacts (log scale)',
    yLabel: 'ratio to the 1 000 value',
    series: [
      {
        name: 'full-name search p95',
        points: [
          { x: 1000, y: 1 },
          { x: 10_000, y: 1.5 },
          { x: 100_000, y: 2 },
        ],
      },
      {
        name: 'one word & more',
        points: [
          { x: 1000, y: 1 },
          { x: 10_000, y: 10 },
          { x: 100_000, y: 100 },
        ],
      },
      {
        name: 'a missing value',
        points: [
          { x: 1000, y: 1 },
          { x: 10_000, y: Number.NaN },
          { x: 100_000, y: 3 },
        ],
      },
    ],
    guides: [
      {
        name: 'constant',
        points: [
          { x: 1000, y: 1 },
          { x: 100_000, y: 1 },
        ],
      },
    ],
  })

  it('is one SVG document with a title, both axis labels and a legend entry per line, escaped', () => {
    expect(chart.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(chart.trimEnd().endsWith('</svg>')).toBe(true)
    expect(chart).toContain('<title id="chart-title">Growth &lt;contacts&gt;</title>')
    expect(chart).toContain('>contacts (log scale)</text>')
    expect(chart).toContain('>ratio to the 1 000 value</text>')
    for (const name of ['full-name search p95', 'one word &amp; more', 'a missing value', 'constant']) {
      expect(chart).toContain(`>${name}</text>`)
    }
    expect(chart).not.toMatch(/<script|href=/)
  })

  it('spaces the sizes by their logarithm and labels each', () => {
    const [a, b, c] = linePoints(chart, 'full-name search p95')
    expect((b?.[0] ?? 0) - (a?.[0] ?? 0)).toBeCloseTo((c?.[0] ?? 0) - (b?.[0] ?? 0), 0)
    for (const label of ['1\u2009000', '10\u2009000', '100\u2009000']) expect(chart).toContain(`>${label}</text>`)
  })

  it('draws each ratio at the height of its tick on a log y axis', () => {
    const [first, , last] = linePoints(chart, 'one word &amp; more')
    expect(first?.[1]).toBeCloseTo(yOfTick(chart, '1'), 0)
    expect(last?.[1]).toBeCloseTo(yOfTick(chart, '100'), 0)
    const [, ten] = linePoints(chart, 'one word &amp; more')
    expect(ten?.[1]).toBeCloseTo(yOfTick(chart, '10'), 0)
  })

  it('leaves a value that cannot be drawn out of its line', () => {
    expect(linePoints(chart, 'a missing value')).toHaveLength(2)
  })

  it('refuses a chart it cannot draw, saying why', () => {
    const base = { title: 't', xLabel: 'x', yLabel: 'y' }
    expect(() => logLogChart({ ...base, series: [] })).toThrow(/at least one series/)
    expect(() => logLogChart({ ...base, series: [{ name: 'zero', points: [{ x: 0, y: 1 }] }] })).toThrow(
      /series "zero": x must be a positive number/,
    )
    expect(() => logLogChart({ ...base, series: [{ name: 'none', points: [{ x: 1, y: Number.NaN }] }] })).toThrow(
      /at least one point/,
    )
  })
})
