/** @module Serves the built H5 app; a path that is malformed or climbs out of it gets a coded 400. */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { decodePath, HttpError } from './http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export function staticFiles(root: string) {
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const pathname = decodePath(new URL(req.url ?? '/', 'http://local').pathname)
    if (pathname.split(/[/\\]/).includes('..') || pathname.includes('\0')) throw new HttpError(400, 'BAD_PATH')
    const file = path.join(root, pathname)
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html')
    if (!fs.existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 应用尚未构建：请运行 npm start')
      return true
    }
    const hashed = /\.[0-9a-f]{8}\./.test(path.basename(target))
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (req.method === 'HEAD') res.end()
    else fs.createReadStream(target).pipe(res)
    return true
  }
}
