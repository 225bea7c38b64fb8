import { describe, expect, it } from 'vitest'
import { isRunningInBrowser } from './browser.js'

type Scope = Parameters<typeof isRunningInBrowser>[0]
const scope = (globals: Record<string, unknown>) => globals as Scope

/** A stand-in for a worker's global scope: an instance of its own `WorkerGlobalScope`, with a `WorkerNavigator`. */
function workerScope(userAgent: string, extra: Record<string, unknown> = {}): Scope {
  class WorkerGlobalScope {}
  class WorkerNavigator {
    userAgent = userAgent
  }
  return Object.assign(Object.create(WorkerGlobalScope.prototype), {
    WorkerGlobalScope,
    WorkerNavigator,
    navigator: new WorkerNavigator(),
    ...extra,
  })
}

describe('isRunningInBrowser', () => {
  it('a page: window, window.document and navigator', () => {
    expect(isRunningInBrowser(scope({ window: { document: {} }, navigator: { userAgent: 'Mozilla/5.0' } }))).toBe(true)
  })

  it("a browser's worker (dedicated, shared or service)", () => {
    expect(isRunningInBrowser(workerScope('Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0'))).toBe(true)
  })

  it('not Node, here and now', () => {
    expect(isRunningInBrowser()).toBe(false)
  })

  it('not a page without a document, or without a navigator', () => {
    expect(isRunningInBrowser(scope({ window: {}, navigator: {} }))).toBe(false)
    expect(isRunningInBrowser(scope({ window: { document: {} } }))).toBe(false)
  })

  it.each([
    ['Cloudflare workerd', workerScope('Cloudflare-Workers')],
    ['workerd with another user agent', workerScope('Mozilla/5.0', { WebSocketPair: class {} })],
    ['Deno', workerScope('Deno/2.5.0', { Deno: { version: {} } })],
    ['Bun', workerScope('Bun/1.3.0', { Bun: {} })],
    ['Node with a worker polyfill', workerScope('Node.js/24', { process: { versions: { node: '24.0.0' } } })],
    ['Vercel Edge', workerScope('Mozilla/5.0', { EdgeRuntime: 'edge-runtime' })],
  ])('not %s', (_, runtime) => {
    expect(isRunningInBrowser(runtime)).toBe(false)
  })
})

describe('isRunningInBrowser with odd globals', () => {
  it('a window that is null is no page, and does not throw', () => {
    expect(isRunningInBrowser(scope({ window: null, navigator: {} }))).toBe(false)
  })

  it('a WorkerNavigator outside a WorkerGlobalScope is no browser', () => {
    const { WorkerNavigator, navigator } = workerScope('Mozilla/5.0') as Record<string, unknown>
    expect(isRunningInBrowser(scope({ WorkerNavigator, navigator }))).toBe(false)
  })

  it('a worker scope without a WorkerNavigator class is no browser, and does not throw', () => {
    expect(isRunningInBrowser(workerScope('Mozilla/5.0', { WorkerNavigator: undefined }))).toBe(false)
  })

  it('a worker whose navigator has no user agent is no browser', () => {
    const runtime = workerScope('Mozilla/5.0')
    Object.defineProperty((runtime as { navigator: object }).navigator, 'userAgent', { value: undefined })
    expect(isRunningInBrowser(runtime)).toBe(false)
  })

  it("a browser's worker with a process shim that has no versions (a bundler's polyfill) is a browser", () => {
    expect(isRunningInBrowser(workerScope('Mozilla/5.0 Chrome/140.0', { process: { env: {} } }))).toBe(true)
  })
})
