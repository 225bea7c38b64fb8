import { Meta } from '@cc/schema'
import { expect, it } from 'vitest'
import { meta } from './index.js'

it('builds a meta block the schema accepts', () => {
  expect(Meta.parse(meta('abc'))).toMatchObject({ requestId: 'abc', version: '1.0.0' })
})
