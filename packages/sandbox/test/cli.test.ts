import { afterEach, describe, expect, it } from 'vitest'
import { type RunningCli, runCli, startCli } from './run-cli.js'

describe('cc-sandbox (built CLI)', () => {
  let running: RunningCli | undefined
  afterEach(() => {
    running?.child.kill('SIGKILL')
    running = undefined
  })

  it('--help documents every flag and exits 0', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const flag of [
      '--port',
      '--host',
      '--data',
      '--memory',
      '--seed',
      '--contacts',
      '--reset',
      '--fault-rate',
      '--fault-kinds',
      '--profile',
    ]) {
      expect(stdout).toContain(flag)
    }
    expect(stdout).toContain('--latency')
  })

  it('exits 2 with the reason for a bad flag', async () => {
    const { code, stderr } = await runCli(['--port', 'x'])
    expect(code).toBe(2)
    expect(stderr).toContain('--port must be a whole number')
    expect(stderr).toContain('--help')
  })

  it('prints the URL and key, logs each request without the key, stops cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      running = await startCli(['--port', '0', '--empty'])
      expect(running.stdout()).toContain('Profile:  sandbox')
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      expect(running.apiKey).toMatch(/^ccmd_test_/)
      const res = await fetch(`${running.url}/me`, { headers: { Authorization: `Bearer ${running.apiKey}` } })
      expect(res.status).toBe(200)
      const requestId = res.headers.get('X-Request-Id') as string
      await new Promise((resolve) => setTimeout(resolve, 50))
      const logLine =
        running
          .stdout()
          .split('\n')
          .find((line) => line.includes(requestId)) ?? ''
      expect(logLine).toMatch(/ GET \/v1\/me 200 [\d.]+ms /)
      expect(logLine).not.toContain(running.apiKey)
      running.child.kill(signal)
      expect(await running.exited).toEqual({ code: 0, signal: null })
      expect(running.stdout()).toContain(`stopped (${signal})`)
      // Node 22 warns when node:sqlite loads; the CLI keeps that out of its output.
      expect(running.stderr()).toBe('')
    }
  })

  it('--profile docs serves only what the docs state, and says so on start', async () => {
    running = await startCli(['--port', '0', '--profile', 'docs'])
    expect(running.stdout()).toContain('Profile:  docs (only what the API docs state)')
    const headers = { Authorization: `Bearer ${running.apiKey}` }
    const page = await fetch(`${running.url}/people?limit=1`, { headers })
    expect(page.headers.get('X-Request-Id')).toBeNull()
    const body = (await page.json()) as { data: { id: string }[]; meta: { requestId: string } }
    const get = await fetch(`${running.url}/people/${body.data[0]?.id}`, { headers })
    expect(get.status).toBe(405)
    expect(get.headers.get('Allow')).toBe('PUT, DELETE')
    await new Promise((resolve) => setTimeout(resolve, 50))
    // The log still names each request, by the id its body gives.
    expect(running.stdout()).toContain(` GET /v1/people 200 `)
    expect(running.stdout()).toContain(body.meta.requestId)
  })

  it('--contacts starts with that many contacts', async () => {
    running = await startCli(['--port', '0', '--quiet', '--contacts', '1234', '--seed', '3'])
    const headers = { Authorization: `Bearer ${running.apiKey}` }
    let count = 0
    let cursor: string | null = null
    do {
      const res: Response = await fetch(`${running.url}/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        headers,
      })
      const page = (await res.json()) as { data: unknown[]; meta: { nextCursor: string | null } }
      count += page.data.length
      cursor = page.meta.nextCursor
    } while (cursor)
    expect(count).toBe(1234)
  })

  it('fails with a clear message when the port is taken', async () => {
    running = await startCli(['--port', '0', '--empty', '--quiet'])
    const port = new URL(running.url).port
    const { code, stderr } = await runCli(['--port', port])
    expect(code).toBe(1)
    expect(stderr).toContain('already in use')
  })
})
