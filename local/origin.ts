/**
 * @module Only the runtime's own address may talk to it. A foreign Host header means a DNS
 * rebinding (another site's name pointed at 127.0.0.1); a foreign Origin means a page of another
 * site posting here with the user's cookie (CSRF, e.g. a text/plain form). Both are refused on
 * every endpoint, before routing.
 */
import type { IncomingMessage } from 'node:http'
import { HttpError } from './http'

/** `port` is read per request: the server knows it only once listening (port 0 picks one). */
export function sameOriginGuard(port: () => number) {
  return function check(req: IncomingMessage): void {
    const hosts = [`127.0.0.1:${port()}`, `localhost:${port()}`]
    const host = req.headers.host?.toLowerCase()
    const origin = req.headers.origin?.toLowerCase()
    if (!host || !hosts.includes(host) || (origin !== undefined && !hosts.some((h) => origin === `http://${h}`))) throw new HttpError(403, 'FOREIGN_ORIGIN')
  }
}
