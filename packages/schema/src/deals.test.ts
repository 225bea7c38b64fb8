import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import {
  CreateDealInput,
  DealBodyDocumented,
  DealPathParams,
  DealPathParamsDocumented,
  fieldErrors,
  MoveDealInput,
  MoveDealInputDocumented,
  UpdateDealInput,
} from './index.js'

const messagesOf = (schema: z.ZodType, value: unknown) =>
  fieldErrors(schema.safeParse(value).error ?? [], { labels: {} })
const deal = { title: 'Deal', pipelineId: 'k97pipe123' }

describe.each([
  ['CreateDealInput', CreateDealInput],
  ['UpdateDealInput', UpdateDealInput],
])('%s', (_, schema) => {
  it('needs a title of 1 to 200 characters and a pipeline', () => {
    expect(schema.parse(deal)).toEqual(deal)
    expect(schema.safeParse({ ...deal, title: 'x'.repeat(200) }).success).toBe(true)
    expect(messagesOf(schema, { ...deal, title: 'x'.repeat(201) })).toEqual({
      title: 'title: must be at most 200 characters (you have 201)',
    })
    expect(messagesOf(schema, { ...deal, title: '' })).toEqual({ title: 'title: must not be empty' })
    expect(messagesOf(schema, {})).toEqual({ title: 'title: is required', pipelineId: 'pipelineId: is required' })
  })

  it('refuses an empty pipeline id and fields the docs do not list (ours)', () => {
    expect(messagesOf(schema, { ...deal, pipelineId: '' })).toEqual({ pipelineId: 'pipelineId: must not be empty' })
    expect(messagesOf(schema, { ...deal, price: 1 })).toEqual({ price: 'price: is not a known field' })
  })

  it('takes any amounts, and a close date with its zone', () => {
    const full = {
      ...deal,
      stageId: 's',
      peopleIds: ['p'],
      teamIds: ['t'],
      pricing: -1,
      commission: 0.5,
      closeDate: '2024-06-30T00:00:00Z',
    }
    expect(schema.parse(full)).toEqual(full)
    expect(messagesOf(schema, { ...deal, closeDate: '2024-06-30' })).toEqual({
      closeDate: 'closeDate: must be a date and time like 2024-01-31T09:00:00Z',
    })
  })
})

describe('DealBodyDocumented', () => {
  it('keeps the docs’ rules and lets an empty pipeline id and unknown fields through', () => {
    expect(DealBodyDocumented.parse({ ...deal, pipelineId: '', price: 1 })).toEqual({
      ...deal,
      pipelineId: '',
      price: 1,
    })
    expect(messagesOf(DealBodyDocumented, { ...deal, title: '' })).toEqual({ title: 'title: must not be empty' })
  })
})

describe('MoveDealInput', () => {
  it('needs a non-empty stage id (ours), and takes a position', () => {
    expect(MoveDealInput.parse({ stageId: 's', order: 2 })).toEqual({ stageId: 's', order: 2 })
    expect(messagesOf(MoveDealInput, { stageId: '' })).toEqual({ stageId: 'stageId: must not be empty' })
    expect(messagesOf(MoveDealInput, { stageId: 's', position: 1 })).toEqual({
      position: 'position: is not a known field',
    })
    expect(MoveDealInputDocumented.parse({ stageId: '', position: 1 })).toEqual({ stageId: '', position: 1 })
  })

  it('with only the docs rules, still needs the stage id as text and a position that is a number', () => {
    expect(messagesOf(MoveDealInputDocumented, {})).toEqual({ stageId: 'stageId: is required' })
    expect(messagesOf(MoveDealInputDocumented, { stageId: 7, order: '2' })).toEqual({
      stageId: 'stageId: must be text',
      order: 'order: must be a number',
    })
  })
})

describe('DealPathParams', () => {
  it('needs a non-empty id (ours); the docs ask only for text', () => {
    expect(messagesOf(DealPathParams, { id: '' })).toEqual({ id: 'id: must not be empty' })
    expect(DealPathParams.parse({ id: 'd1' })).toEqual({ id: 'd1' })
    expect(DealPathParamsDocumented.parse({ id: '' })).toEqual({ id: '' })
  })
})
