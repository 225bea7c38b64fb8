// The driver's loopback server: the browser's page and script, a same-origin reverse proxy of `/v1/*` to the
// sandbox, and the control endpoint every runtime uses to queue a sandbox fault for its next request.
//
// The browser runs the common checks through this proxy (same origin), and its `cross-origin` check straight to the
// sandbox, which lists this server's origin in its `cors` option: the page and the sandbox are two loopback origins
// (other ports).
import { createServer, request as httpRequest } from 'node:http'

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>@cc/client runtime smoke</title></head>
  <body><script type="module" src="/browser.js"></script></body>
</html>
`

async function readBody(req) {
  let body = ''
  for await (const chunk of req.setEncoding('utf8')) body += chunk
  return body
}

/** Starts the server on 127.0.0.1; resolves `{ url, browserScript, close }`: set `browserScript` before loading
 * the page. `sandbox()` gives the sandbox, which may start after this server (it needs this server's origin). */
export async function startFrontServer({ sandbox }) {
  const front = { url: '', browserScript: '', close: async () => {} }

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://front').pathname
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    } else if (req.method === 'GET' && path === '/browser.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(front.browserScript)
    } else if (req.method === 'POST' && path === '/control/faults') {
      try {
        sandbox().queueFaults(JSON.parse(await readBody(req)))
        res.writeHead(204).end()
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error.message))
      }
    } else if (path.startsWith('/v1/')) {
      proxy(req, res, new URL(sandbox().url))
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  front.url = `http://127.0.0.1:${server.address().port}`
  front.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return front
}

/** Forwards one request to the sandbox and streams its answer back; a client that goes away cancels it. */
function proxy(req, res, upstream) {
  const forwarded = httpRequest(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  forwarded.on('error', () => res.destroy())
  // An aborted or timed-out browser call must end the sandbox's request too, as a direct call would.
  res.on('close', () => {
    if (!res.writableFinished) forwarded.destroy()
  })
  req.pipe(forwarded)
}
