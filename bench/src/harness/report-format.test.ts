import { describe, expect, it } from 'vitest'
import { parseRunArgs, selectBenchmarks, UsageHelp } from './args.ts'
import { RESULTS_END, RESULTS_START, renderResults, replaceResults } from './markdown.ts'
import type { Column, Row } from './report.ts'
import { formatMarkdownTable, formatTable } from './table.ts'

const columns: Column[] = [
  { key: 'name', label: 'client' },
  { key: 'ms', label: 'p50 ms', digits: 2 },
  { key: 'n', label: 'n' },
]
const rows: Row[] = [
  { name: 'raw fetch', ms: 1.5, n: 12000 },
  { name: '@cc/client', ms: 1.625, n: null },
]

describe('tables', () => {
  it('right-aligns numbers, left-aligns text, and shows missing values as –', () => {
    expect(formatTable(columns, rows).split('\n')).toEqual([
      'client      p50 ms       n',
      '──────────  ──────  ──────',
      'raw fetch     1.50  12,000',
      '@cc/client    1.63       –',
    ])
  })

  it('writes the same table as Markdown with numeric columns right-aligned', () => {
    expect(formatMarkdownTable(columns, rows).split('\n')).toEqual([
      '| client | p50 ms | n |',
      '| :--- | ---: | ---: |',
      '| raw fetch | 1.50 | 12,000 |',
      '| @cc/client | 1.63 | – |',
    ])
  })
})

describe('BENCHMARKS.md results section', () => {
  it('replaces only what is between the markers', () => {
    const document = `# Benchmarks\n\nMethod.\n\n${RESULTS_START}\nold\n${RESULTS_END}\n\nAnalysis.\n`
    expect(replaceResults(document, 'new')).toBe(
      `# Benchmarks\n\nMethod.\n\n${RESULTS_START}\n\nnew\n\n${RESULTS_END}\n\nAnalysis.\n`,
    )
  })

  it('shows a benchmark’s chart under its table, with the paragraph that explains it', () => {
    const record = {
      benchmark: 'growth',
      number: 9,
      title: 'Growth',
      mode: 'full' as const,
      date: '2026-12-02T08:00:00.000Z',
      durationMs: 1,
      machine: { cpu: 'CPU', cores: 2, memoryGiB: 4, node: 'v24', platform: 'Linux', load1: 0 },
      columns,
      rows,
      targets: [],
      notes: ['A note.'],
      failures: [],
      chart: { file: 'bench/results/growth.svg', alt: 'Growth curves', caption: 'Each line is one figure.' },
    }
    const section = renderResults([record]).split('\n')
    const table = section.indexOf('| @cc/client | 1.63 | – |')
    expect(section.slice(table + 1)).toEqual([
      '',
      '![Growth curves](bench/results/growth.svg)',
      '',
      'Each line is one figure.',
      '',
      '- A note.',
    ])
    expect(renderResults([{ ...record, chart: undefined }])).not.toContain('![')
  })

  it('refuses a document without markers instead of losing text', () => {
    expect(() => replaceResults('# Benchmarks\n', 'new')).toThrow(/no results markers/)
  })
})

describe('command line', () => {
  const all = [
    { id: 'client', number: 1 },
    { id: 'size', number: 7 },
  ]

  it('reads --quick, --update-budget and the benchmarks to run', () => {
    expect(parseRunArgs(['--quick', 'size'])).toEqual({ quick: true, updateBudget: false, only: ['size'] })
    expect(parseRunArgs([])).toEqual({ quick: false, updateBudget: false, only: [] })
    expect(() => parseRunArgs(['--help'])).toThrow(UsageHelp)
    expect(() => parseRunArgs(['--fast'])).toThrow(/--fast/)
  })

  it('selects by id or number, in the benchmarks’ own order, and names unknown ones', () => {
    expect(selectBenchmarks(all, [])).toEqual(all)
    expect(selectBenchmarks(all, ['7', 'client']).map((b) => b.id)).toEqual(['client', 'size'])
    expect(() => selectBenchmarks(all, ['speed'])).toThrow('Unknown benchmark "speed"; known: 1 client, 7 size')
  })
})
