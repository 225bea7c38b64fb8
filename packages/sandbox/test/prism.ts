import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname } from 'node:path'

/** Prism runs through `pnpm dlx`, so it never enters the package's dependencies. */
export const PRISM = '@stoplight/prism-cli@5'

export interface PrismProxy {
  url: string
  output: () => string
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Starts `prism proxy --errors <document> <upstream>`. Prism matches the request path against the
 * document's paths (ignoring `servers`) and forwards to upstream + path, so the proxy is called
 * without `/v1` and the upstream is the sandbox URL with it.
 */
export async function startPrismProxy(document: string, upstream: string, extra: string[] = []): Promise<PrismProxy> {
  const port = await freePort()
  const args = ['dlx', PRISM, 'proxy', '--errors', ...extra, document, upstream, '--port', String(port)]
  const child: ChildProcess = spawn('pnpm', [...args, '--host', '127.0.0.1'], {
    // Outside the workspace: its engineStrict would refuse Prism 5.16 (engines: node >=24.18) on Node 22,
    // where Prism itself runs fine. Prism is a tool here; the Node under test is the one running the sandbox.
    cwd: dirname(document),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (/Prism is listening on/.test(output)) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('error', reject)
    exited.then((code) => reject(new Error(`prism exited (${code}) before listening:\n${output}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}
