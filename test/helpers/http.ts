/** Raw HTTP requests, for what fetch will not send (a foreign Host header, a malformed path). */
import http from 'node:http'

export interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** The body as JSON, or undefined if it is not JSON. */
  json: unknown
}

export function rawRequest(baseUrl: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        const body = Buffer.concat(chunks)
        let json: unknown
        try {
          json = JSON.parse(body.toString('utf8'))
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json })
      })
    })
    // The server may close after answering a refused body; the answer has been read by then.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)))
    req.end(options.body)
  })
}
