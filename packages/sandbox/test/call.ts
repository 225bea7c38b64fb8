import type { Sandbox } from '../src/index.js'

export interface CallOptions {
  body?: unknown
  /** A raw body string, sent as is. */
  rawBody?: string
  headers?: Record<string, string>
  /** The API key to send; `null` sends none. Default: the sandbox's key. */
  key?: string | null
}

export interface CallResult {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected field by field
  body: any
}

/** One request through the sandbox (in-process, or over HTTP with `viaHttp`), JSON decoded. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: CallOptions = {},
  viaHttp = false,
): Promise<CallResult> {
  const headers = new Headers(options.headers)
  const key = options.key === undefined ? sandbox.apiKey : options.key
  if (key !== null) headers.set('Authorization', `Bearer ${key}`)
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
  }
  const request = new Request(`${sandbox.url}${path}`, { method, headers, body: body ?? null })
  const response = viaHttp ? await fetch(request) : await sandbox.fetch(request)
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {}
  return { status: response.status, headers: response.headers, body: parsed }
}
