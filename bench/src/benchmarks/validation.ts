import { Person, UpdateContactInput } from '@cc/schema'
import type * as z from 'zod'
import { compileFromOpenApi } from '../fixtures/ajv.ts'
import { type Payload, personPayloads, updateContactPayloads } from '../fixtures/payloads.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import type { Row } from '../harness/report.ts'
import { target, times } from '../harness/report.ts'
import { measureInRounds, type RoundsOptions } from '../harness/rounds.ts'
import { ratio } from '../harness/stats.ts'

const PAYLOADS = 10_000
const TARGET = 2

const rounds = (quick: boolean): RoundsOptions =>
  quick
    ? { rounds: 2, time: 10, iterations: 2, warmupTime: 0, warmupIterations: 1 }
    : { rounds: 5, time: 2000, iterations: 20, warmupTime: 500, warmupIterations: 5 }

/** Validates every payload; returns how many passed, so that the work cannot be optimised away. */
const passes = (payloads: readonly Payload[], accepts: (value: unknown) => boolean): number => {
  let accepted = 0
  for (const payload of payloads) if (accepts(payload.value)) accepted++
  return accepted
}

export const validation: Benchmark = {
  id: 'validation',
  number: 2,
  title: 'Validation: zod (@cc/schema) vs ajv compiled from the generated JSON Schema',
  async run({ quick, log }) {
    const ajvOf = compileFromOpenApi()
    const cases: Array<{ schema: string; zod: z.ZodType; payloads: Payload[] }> = [
      { schema: 'UpdateContactInput', zod: UpdateContactInput, payloads: updateContactPayloads(PAYLOADS) },
      { schema: 'Person', zod: Person, payloads: personPayloads(PAYLOADS) },
    ]
    const rows: Row[] = []
    const targets = []
    const failures: string[] = []
    let sink = 0
    for (const { schema, zod, payloads } of cases) {
      const ajv = ajvOf(schema)
      const zodAccepts = (value: unknown) => zod.safeParse(value).success
      const ajvAccepts = (value: unknown) => ajv(value)
      // Both must judge every payload as it was built, or the comparison means nothing.
      const wrong = payloads.filter((p) => zodAccepts(p.value) !== p.valid || ajvAccepts(p.value) !== p.valid)
      if (wrong.length > 0) {
        failures.push(
          `${schema}: zod or ajv misjudged ${wrong.length} payloads, e.g. ${JSON.stringify(wrong[0]?.value).slice(0, 200)}`,
        )
      }
      const invalid = payloads.filter((p) => !p.valid).length
      log(`${schema}: ${payloads.length} payloads (${invalid} invalid)`)
      const [zodResult, ajvResult] = await measureInRounds(
        [
          { name: 'zod', fn: () => (sink += passes(payloads, zodAccepts)) },
          { name: 'ajv', fn: () => (sink += passes(payloads, ajvAccepts)) },
        ],
        rounds(quick),
      )
      if (!zodResult || !ajvResult) throw new Error('missing measurement')
      const perPayload = (ms: number) => (ms * 1e6) / payloads.length
      for (const [validator, result] of [
        ['zod safeParse', zodResult],
        ['ajv', ajvResult],
      ] as const) {
        rows.push({
          schema,
          validator,
          payloads: payloads.length,
          invalid,
          median: perPayload(result.summary.median),
          p99: perPayload(result.summary.p99),
          perSecond: (payloads.length * 1000) / result.summary.median,
          ratio: ratio(result.summary.median, ajvResult.summary.median),
          samples: result.summary.n,
        })
      }
      const r = ratio(zodResult.summary.median, ajvResult.summary.median)
      targets.push(target(`${schema}: zod median vs ajv`, `≤ ${TARGET}×`, times(r), r <= TARGET))
    }
    if (sink < 0) log('unreachable')
    return {
      columns: [
        { key: 'schema', label: 'schema' },
        { key: 'validator', label: 'validator' },
        { key: 'payloads', label: 'payloads' },
        { key: 'invalid', label: 'invalid' },
        { key: 'median', label: 'median ns/payload', digits: 0 },
        { key: 'p99', label: 'p99 ns/payload', digits: 0 },
        { key: 'perSecond', label: 'payloads/s', digits: 0 },
        { key: 'ratio', label: 'vs ajv', digits: 2 },
        { key: 'samples', label: 'passes timed', digits: 0 },
      ],
      rows,
      targets,
      notes: [
        `One timed sample validates all ${PAYLOADS.toLocaleString('en-US')} payloads once (valid and invalid mixed, fixed seed); ns/payload = sample / payloads. Median and p99 over all samples of ${rounds(quick).rounds} rounds, warm-up excluded.`,
        'zod: `schema.safeParse(value)` (builds the parsed copy, as the client does). ajv: compiled once from @cc/schema/openapi.json, formats as annotations (their rule is the `pattern` beside them).',
        'Both validators are checked to accept exactly the valid payloads before timing.',
      ],
      failures,
    }
  },
}
