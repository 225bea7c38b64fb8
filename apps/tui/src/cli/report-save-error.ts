import { ROOT_ERROR_KEY } from '@cc/schema'
import { describeError } from '../services/describe-error.js'
import { EXIT, type Io } from './io.js'

/** "Not saved: …" with the field messages of a 422: exit 2 for those (the input), 1 for anything else. */
export function reportSaveError(error: unknown, io: Io): number {
  const described = describeError(error)
  io.stderr.write(`Not saved: ${described.message}\n`)
  if (described.fieldErrors) {
    for (const [field, message] of Object.entries(described.fieldErrors)) io.stderr.write(`  ${field}: ${message}\n`)
    return EXIT.invalid
  }
  return EXIT.api
}

/** "Not saved:" and one line per field (a problem of the whole input, keyed `*`, on its own). */
export function reportInvalidFields(errors: Record<string, string>, io: Io): number {
  io.stderr.write('Not saved:\n')
  for (const [field, message] of Object.entries(errors)) {
    io.stderr.write(field === ROOT_ERROR_KEY ? `  ${message}\n` : `  ${field}: ${message}\n`)
  }
  return EXIT.invalid
}
