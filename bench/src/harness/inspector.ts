// Asks a Node process started with `--inspect=127.0.0.1:<port>` what its heap holds: all garbage collected first
// (over the inspector protocol, so the program needs no hook of its own). RSS alone cannot tell memory a program
// holds from garbage V8 has not collected yet.

interface Reply {
  id: number
  result?: { result?: { value?: unknown } }
  error?: { message: string }
}

/** Two full collections in process `port`'s isolate, then `process.memoryUsage().heapUsed` there, MB. */
export async function collectedHeapMb(port: number, timeoutMs = 30_000): Promise<number> {
  const list = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(timeoutMs) })
  const targets = (await list.json()) as Array<{ webSocketDebuggerUrl?: string }>
  const url = targets[0]?.webSocketDebuggerUrl
  if (!url) throw new Error(`no inspector target on port ${port}`)
  const socket = new WebSocket(url)
  const pending = new Map<number, (reply: Reply) => void>()
  socket.addEventListener('message', (event) => {
    const reply = JSON.parse(String(event.data)) as Reply
    pending.get(reply.id)?.(reply)
    pending.delete(reply.id)
  })
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener('error', () => reject(new Error(`cannot connect to the inspector at ${url}`)), {
      once: true,
    })
  })
  let nextId = 0
  const call = (method: string, params: object = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const id = ++nextId
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms`)), timeoutMs)
      pending.set(id, (reply) => {
        clearTimeout(timer)
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`))
        else resolve(reply)
      })
      socket.send(JSON.stringify({ id, method, params }))
    })
  try {
    await call('HeapProfiler.collectGarbage')
    await call('HeapProfiler.collectGarbage')
    const used = await call('Runtime.evaluate', {
      expression: 'process.memoryUsage().heapUsed',
      returnByValue: true,
    })
    const value = used.result?.result?.value
    if (typeof value !== 'number') throw new Error(`heapUsed came back as ${JSON.stringify(value)}`)
    return value / 1e6
  } finally {
    socket.close()
  }
}
