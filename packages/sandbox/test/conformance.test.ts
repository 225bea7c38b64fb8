import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { type PrismProxy, startPrismProxy } from './prism.js'

/**
 * Contract conformance, checked by Stoplight Prism: a scripted session through `prism proxy --errors`
 * built from the OpenAPI document the sandbox serves. Prism reports any request or response that
 * breaks the document in an `sl-violations` header (and, with --errors, answers a problem+json
 * instead of a response that breaks it).
 *
 * Two proxies: a validating one for requests the document allows (both directions are checked), and
 * one with --validate-request=false for requests the document forbids, so that the sandbox's own
 * error responses reach Prism and are checked against the document too. A third validates a sandbox of the `docs`
 * profile against the document it serves: only the documented operations and rules.
 */

const KEY = 'ccmd_test_conformance'
const auth = { Authorization: `Bearer ${KEY}` }
const json = { ...auth, 'Content-Type': 'application/json' }

let sandbox: Sandbox
let docsSandbox: Sandbox
let strict: PrismProxy
let lenient: PrismProxy
let docs: PrismProxy
const dir = mkdtempSync(join(tmpdir(), 'cc-sandbox-prism-'))

/** The document a sandbox serves, as a file Prism can read. */
async function documentFile(of: Sandbox, name: string): Promise<string> {
  const document = await (await fetch(of.url.replace(/\/v1$/, '/openapi.json'))).text()
  const file = join(dir, name)
  writeFileSync(file, document)
  return file
}

beforeAll(async () => {
  sandbox = await createSandbox({ listen: { port: 0 }, apiKeys: [KEY] })
  docsSandbox = await createSandbox({ listen: { port: 0 }, apiKeys: [KEY], profile: 'docs' })
  const file = await documentFile(sandbox, 'openapi.json')
  const docsFile = await documentFile(docsSandbox, 'openapi-docs.json')
  // The first run downloads Prism.
  ;[strict, lenient, docs] = await Promise.all([
    startPrismProxy(file, sandbox.url),
    startPrismProxy(file, sandbox.url, ['--validate-request=false']),
    startPrismProxy(docsFile, docsSandbox.url),
  ])
}, 240_000)

afterAll(async () => {
  await Promise.all([strict?.stop(), lenient?.stop(), docs?.stop()])
  await Promise.all([sandbox?.close(), docsSandbox?.close()])
  rmSync(dir, { recursive: true, force: true })
})

interface Step {
  method: string
  path: string
  body?: unknown
  headers?: Record<string, string>
  status: number
}

interface Outcome {
  status: number
  body: unknown
  violations: { location: string[]; message: string; severity: string }[]
  contentType: string
}

async function send(proxy: PrismProxy, step: Step): Promise<Outcome> {
  const res = await fetch(`${proxy.url}${step.path}`, {
    method: step.method,
    headers: { ...(step.body === undefined ? auth : json), ...step.headers },
    body: step.body === undefined ? null : typeof step.body === 'string' ? step.body : JSON.stringify(step.body),
    signal: AbortSignal.timeout(10_000),
  })
  const text = await res.text()
  const header = res.headers.get('sl-violations')
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    violations: header ? JSON.parse(header) : [],
    contentType: res.headers.get('content-type') ?? '',
  }
}

/** Sends a step through the validating proxy: no violation either way, and the sandbox's own status. */
async function conforms(step: Step, proxy: PrismProxy = strict): Promise<Outcome> {
  const outcome = await send(proxy, step)
  const label = `${step.method} ${step.path} → ${outcome.status}: ${JSON.stringify(outcome.violations)} ${JSON.stringify(outcome.body).slice(0, 500)}`
  expect(outcome.violations, label).toEqual([])
  expect(outcome.contentType, label).not.toContain('problem+json')
  expect(outcome.status, label).toBe(step.status)
  return outcome
}

describe('through prism proxy --errors', () => {
  it('a session over every operation, success and error cases, has no violation', { timeout: 60_000 }, async () => {
    const list = await conforms({ method: 'GET', path: '/people?limit=5', status: 200 })
    const cursor = (list.body as { meta: { nextCursor: string } }).meta.nextCursor
    await conforms({ method: 'GET', path: `/people?limit=100&cursor=${cursor}`, status: 200 })
    await conforms({ method: 'GET', path: '/people', status: 200 })
    const existing = (list.body as { data: { id: string; emails: { value: string }[] }[] }).data[0]
    if (!existing) throw new Error('no seeded contact')

    await conforms({ method: 'GET', path: `/people/search?name=${encodeURIComponent('an')}`, status: 200 })
    // No criterion: the docs do not require one, and the sandbox answers the first contacts.
    const unfiltered = await conforms({ method: 'GET', path: '/people/search', status: 200 })
    expect((unfiltered.body as { data: unknown[] }).data).toHaveLength(10)
    await conforms({ method: 'GET', path: `/people/search?id=${existing.id}`, status: 200 })
    await conforms({ method: 'GET', path: '/people/search?email=nobody@example.com&phone=%2B15550000000', status: 200 })
    await conforms({ method: 'GET', path: `/people/${existing.id}`, status: 200 })
    await conforms({ method: 'GET', path: '/people/unknown12345', status: 404 })

    const created = await conforms({
      method: 'POST',
      path: '/people',
      headers: { 'Idempotency-Key': 'conformance-1' },
      body: {
        firstName: 'Prism',
        lastName: 'Checked',
        email: 'prism.checked@example.com',
        phone: '+15125550100',
        tags: ['VIP', 'Hot Lead'],
        price: 450000,
        stage: 'stage_prospect',
        street: '1 Main St',
        city: 'Austin',
        state: 'TX',
        zipCode: '78701',
        background: 'Checked by the contract proxy',
        timeframe: '3-6 months',
        source: 'Website Signup',
      },
      status: 201,
    })
    const id = (created.body as { data: { id: string } }).data.id
    await conforms({
      method: 'POST',
      path: '/people',
      headers: { 'Idempotency-Key': 'conformance-1' },
      body: { firstName: 'Someone else' },
      status: 409,
    })
    await conforms({
      method: 'POST',
      path: '/people',
      body: { email: 'prism.checked@example.com', price: 1 },
      status: 200,
    })
    await conforms({ method: 'PUT', path: `/people/${id}`, body: { lastName: 'Updated', tags: [] }, status: 200 })
    // What the docs do not forbid: an empty patch, a stage cleared with "", a contact created without any field.
    await conforms({ method: 'PUT', path: `/people/${id}`, body: {}, status: 200 })
    await conforms({ method: 'PUT', path: `/people/${id}`, body: { stage: '' }, status: 200 })
    await conforms({ method: 'POST', path: '/people', body: {}, status: 201 })
    await conforms({ method: 'PUT', path: `/people/${id}`, body: { stage: 'stage_missing' }, status: 422 })
    await conforms({ method: 'PUT', path: '/people/unknown12345', body: { firstName: 'X' }, status: 404 })

    await conforms({ method: 'GET', path: '/users', status: 200 })
    await conforms({ method: 'GET', path: '/me', status: 200 })

    const deal = await conforms({
      method: 'POST',
      path: '/deals',
      body: {
        title: '1 Main St - Purchase',
        pipelineId: 'pipe_buyers',
        peopleIds: [id],
        pricing: 450000,
        commission: 13500,
      },
      status: 201,
    })
    const dealId = (deal.body as { data: { id: string } }).data.id
    const dealBody = { title: '1 Main St - Offer', pipelineId: 'pipe_buyers', stageId: 'dstage_buyer_offer' }
    await conforms({ method: 'PUT', path: `/deals/${dealId}`, body: dealBody, status: 200 })
    await conforms({ method: 'PUT', path: '/deals/deal_unknown', body: dealBody, status: 404 })
    await conforms({
      method: 'POST',
      path: `/deals/${dealId}/move`,
      body: { stageId: 'dstage_buyer_pending' },
      status: 200,
    })
    await conforms({ method: 'POST', path: '/deals/deal_unknown/move', body: { stageId: 'x' }, status: 404 })
    await conforms({
      method: 'POST',
      path: '/deals',
      body: { title: 'Ghost', pipelineId: 'pipe_buyers', peopleIds: ['ghost12345'] },
      status: 422,
    })

    await conforms({
      method: 'POST',
      path: '/activities',
      body: { personId: id, type: 'note', content: 'Checked' },
      status: 201,
    })
    await conforms({ method: 'POST', path: '/activities', body: { personId: 'ghost12345', type: 'call' }, status: 422 })

    await conforms({ method: 'DELETE', path: `/people/${id}`, status: 200 })
    await conforms({ method: 'DELETE', path: `/people/${id}?permanent=true`, status: 200 })
    await conforms({ method: 'DELETE', path: `/people/${id}?permanent=false`, status: 404 })

    sandbox.queueFaults(['500', '503', '429'])
    await conforms({ method: 'GET', path: '/me', status: 500 })
    await conforms({ method: 'GET', path: '/me', status: 503 })
    await conforms({ method: 'GET', path: '/me', status: 429 })
  })

  it('requests the document forbids: prism rejects them too, and the sandbox errors conform', {
    timeout: 60_000,
  }, async () => {
    const forbidden: Step[] = [
      { method: 'GET', path: '/people?limit=0', status: 422 },
      { method: 'GET', path: '/people?limit=101', status: 422 },
      { method: 'GET', path: '/people/search?name=a', status: 422 },
      { method: 'GET', path: '/people/short', status: 422 },
      { method: 'POST', path: '/people', body: { firstName: '', state: 'texas', color: 'red' }, status: 422 },
      { method: 'PUT', path: '/people/abcdefgh1234', body: { price: -5, tags: ['x'.repeat(51)] }, status: 422 },
      { method: 'DELETE', path: '/people/abcdefgh1234?permanent=yes', status: 422 },
      { method: 'POST', path: '/deals', body: { title: '' }, status: 422 },
      { method: 'POST', path: '/deals/deal_x/move', body: {}, status: 422 },
      { method: 'POST', path: '/activities', body: { personId: 'abc', type: 'fax' }, status: 422 },
      { method: 'POST', path: '/people', body: 'firstName=x', headers: { 'Content-Type': 'text/plain' }, status: 415 },
      { method: 'GET', path: '/me', headers: { Authorization: 'Bearer wrong' }, status: 401 },
    ]
    for (const step of forbidden) {
      const viaLenient = await send(lenient, step).catch((e) => {
        throw new Error(`${step.method} ${step.path} ${JSON.stringify(step.body)}: ${e}`)
      })
      const label = `${step.method} ${step.path} → ${viaLenient.status}: ${JSON.stringify(viaLenient.violations)} ${JSON.stringify(viaLenient.body).slice(0, 400)}`
      expect(
        viaLenient.violations.filter((v) => v.location[0] === 'response'),
        label,
      ).toEqual([])
      expect(viaLenient.contentType, label).not.toContain('problem+json')
      expect(viaLenient.status, label).toBe(step.status)
      const viaStrict = await send(strict, step)
      expect(viaStrict.status, `${step.method} ${step.path}: the document allows it`).toBeGreaterThanOrEqual(400)
    }
  })
})

describe('the docs profile through prism proxy --errors, on the document it serves', () => {
  it('a session over every documented operation has no violation', { timeout: 60_000 }, async () => {
    const step = (s: Step) => conforms(s, docs)
    const list = await step({ method: 'GET', path: '/people?limit=5', status: 200 })
    const existing = (list.body as { data: { id: string }[] }).data[0]
    if (!existing) throw new Error('no seeded contact')
    await step({ method: 'GET', path: '/people/search', status: 200 })
    await step({ method: 'GET', path: `/people/search?id=${existing.id}`, status: 200 })
    // A field the docs do not list is taken (and dropped), as the documented rules allow.
    const created = await step({
      method: 'POST',
      path: '/people',
      headers: { 'Idempotency-Key': 'docs-profile-1' },
      body: { firstName: 'Docs', email: 'docs.profile@example.com', nickname: 'D' },
      status: 201,
    })
    const id = (created.body as { data: { id: string } }).data.id
    await step({ method: 'POST', path: '/people', body: { email: 'docs.profile@example.com' }, status: 200 })
    const updated = await step({ method: 'PUT', path: `/people/${id}`, body: { lastName: 'Profile' }, status: 200 })
    expect(updated.body).not.toHaveProperty('success')
    await step({ method: 'PUT', path: `/people/${id}`, body: {}, status: 200 })
    await step({ method: 'GET', path: '/users', status: 200 })
    await step({ method: 'GET', path: '/me', status: 200 })
    const deal = await step({
      method: 'POST',
      path: '/deals',
      body: { title: 'Docs deal', pipelineId: 'pipe_buyers', peopleIds: [id], pricing: -1 },
      status: 201,
    })
    const dealId = (deal.body as { data: { id: string } }).data.id
    await step({
      method: 'PUT',
      path: `/deals/${dealId}`,
      body: { title: 'Docs deal', pipelineId: 'pipe_buyers' },
      status: 200,
    })
    await step({ method: 'POST', path: `/deals/${dealId}/move`, body: { stageId: 'dstage_buyer_offer' }, status: 200 })
    await step({
      method: 'POST',
      path: '/activities',
      body: { personId: id, type: 'note', content: 'Docs' },
      status: 201,
    })
    const deleted = await step({ method: 'DELETE', path: `/people/${id}`, status: 200 })
    expect(deleted.body).not.toHaveProperty('success')
    await step({ method: 'DELETE', path: `/people/${id}`, status: 404 })
  })
})
