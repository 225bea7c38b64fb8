// The floor of HTTP cost: node:http answering the sandbox's own GET and PUT bodies, captured once, with nothing
// in between (no routing library, no validation, no database). It reads and parses the request body, as any server
// must. Arguments: a JSON file `{ "get": <body>, "put": <body> }`. Prints `{"url": …}` once listening.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const bodies = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as { get: unknown; put: unknown }
const getBody = JSON.stringify(bodies.get)
const putBody = JSON.stringify(bodies.put)
const headers = { 'content-type': 'application/json; charset=UTF-8' }

const server = createServer((request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200, headers).end(getBody)
    return
  }
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'))
      response.writeHead(200, headers).end(putBody)
    } catch {
      response.writeHead(400, headers).end('{"error":"bad json"}')
    }
  })
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/v1` })}\n`)
})
process.stdin.resume()
process.stdin.on('end', () => server.close())
