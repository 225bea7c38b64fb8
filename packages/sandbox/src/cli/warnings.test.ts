import { describe, expect, it } from 'vitest'
import { hideSqliteExperimentalWarning } from './warnings.js'

describe('hideSqliteExperimentalWarning', () => {
  it('drops only the SQLite experimental warning', () => {
    const original = process.emitWarning
    const seen: string[] = []
    const listener = (warning: Error) => seen.push(`${warning.name}: ${warning.message}`)
    process.on('warning', listener)
    try {
      hideSqliteExperimentalWarning()
      process.emitWarning('SQLite is an experimental feature and might change at any time', 'ExperimentalWarning')
      process.emitWarning('Something else is experimental', 'ExperimentalWarning')
      process.emitWarning(new Error('a plain warning'))
    } finally {
      process.emitWarning = original
    }
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        process.off('warning', listener)
        expect(seen).toEqual(['ExperimentalWarning: Something else is experimental', 'Error: a plain warning'])
        resolve()
      }),
    )
  })
})
