import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Machine } from './machine.ts'
import type { BenchReport } from './report.ts'

/** One benchmark's result as written to `bench/results/<id>.json` (`<id>.quick.json` for quick runs). */
export interface ResultRecord extends BenchReport {
  benchmark: string
  number: number
  title: string
  mode: 'full' | 'quick'
  date: string
  durationMs: number
  machine: Machine
}

export function resultFileName(id: string, mode: 'full' | 'quick'): string {
  return mode === 'quick' ? `${id}.quick.json` : `${id}.json`
}

export function writeResult(dir: string, record: ResultRecord): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, resultFileName(record.benchmark, record.mode))
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`)
  return file
}

/** The latest full result of every benchmark in `dir`, by benchmark number. */
export function readFullResults(dir: string): ResultRecord[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => name.endsWith('.json') && !name.endsWith('.quick.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ResultRecord)
    .sort((a, b) => a.number - b.number)
}
