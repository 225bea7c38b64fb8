import { describe, expect, it } from 'vitest'
import { ASSUMPTIONS_URL, assumptionUrl } from './index.js'

describe('assumptionUrl', () => {
  it('is the address of one entry of the published ledger', () => {
    expect(ASSUMPTIONS_URL).toBe(
      'https://github.com/client-commander-toolkit/cc/blob/main/packages/schema/ASSUMPTIONS.md',
    )
    expect(assumptionUrl('ids-not-empty')).toBe(`${ASSUMPTIONS_URL}#ids-not-empty`)
  })
})
