import { describe, expect, it } from 'vitest'
import { formatDuration, progressBar, type RunProgress, runRate, secondsLeft } from './run-progress.js'

const progress = (over: Partial<RunProgress>): RunProgress => ({
  total: 100,
  done: 0,
  failed: 0,
  counts: [],
  doneAtStart: 0,
  startedAt: 1_000,
  now: 1_000,
  ...over,
})

describe('run progress', () => {
  it('measures the rate over this run only, and the time left at it', () => {
    expect(runRate(progress({}))).toBeUndefined()
    expect(secondsLeft(progress({ now: 5_000 }))).toBeUndefined()
    const p = progress({ done: 60, doneAtStart: 40, now: 11_000 })
    expect(runRate(p)).toBe(2)
    expect(secondsLeft(p)).toBe(20)
    expect(secondsLeft(progress({ done: 100, now: 2_000 }))).toBe(0)
  })

  it('says durations in words a person reads at a glance', () => {
    expect(formatDuration(4.4)).toBe('4 s')
    expect(formatDuration(185)).toBe('3 min 5 s')
    expect(formatDuration(3720)).toBe('1 h 2 min')
  })

  it('draws the part done as a bar', () => {
    expect(progressBar(0, 10, 10)).toBe('░░░░░░░░░░')
    expect(progressBar(5, 10, 10)).toBe('█████░░░░░')
    expect(progressBar(12, 10, 4)).toBe('████')
    expect(progressBar(0, 0, 3)).toBe('███')
  })

  it('has no rate while no time has passed, however much is done', () => {
    expect(runRate(progress({ done: 5 }))).toBeUndefined()
    expect(secondsLeft(progress({ done: 5 }))).toBeUndefined()
  })

  it('says a whole minute and a whole hour in the larger unit', () => {
    expect(formatDuration(59)).toBe('59 s')
    expect(formatDuration(60)).toBe('1 min 0 s')
    expect(formatDuration(3599)).toBe('59 min 59 s')
    expect(formatDuration(3600)).toBe('1 h 0 min')
  })
})
