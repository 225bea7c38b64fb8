import { expect, it } from 'vitest'
import { resolveBaseUrl } from './index.js'

it('prefers the option, then CC_BASE_URL, then production', () => {
  expect(resolveBaseUrl('http://127.0.0.1:1/v1', { CC_BASE_URL: 'x' })).toBe('http://127.0.0.1:1/v1')
  expect(resolveBaseUrl(undefined, { CC_BASE_URL: 'http://127.0.0.1:2/v1' })).toBe('http://127.0.0.1:2/v1')
  expect(resolveBaseUrl(undefined, {})).toBe('https://api.clientcommander.com/v1')
})
