import type { Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'

/** Handles one request; `drop` resets the connection (the response is then never sent). */
export type TransportHandler = (request: Request, drop: () => void) => Promise<Response>

export interface Listener {
  host: string
  port: number
  close(): Promise<void>
}

/** Serves `handler` over HTTP/1.1 on host:port (port 0 = a free port). */
export async function listen(handler: TransportHandler, host: string, port: number): Promise<Listener> {
  const server = createAdaptorServer({
    fetch: (request, env) => {
      const socket = (env.incoming as { socket: Socket }).socket
      // RST rather than FIN: the client sees ECONNRESET, the response is lost.
      return handler(request, () => socket.resetAndDestroy())
    },
    // A library must not replace the process's global Request/Response.
    overrideGlobalObjects: false,
    hostname: host,
  }) as Server
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Cannot listen on ${host}:${port}: the port is already in use`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
          { cause: error },
        ),
      )
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  return {
    host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
