/** @module Small HTTP helpers shared by the local servers, and the coded refusals they answer with. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { API_ERRORS } from '../src/api/errors'

/** Request bodies above this are refused: nothing we serve needs more (CloudBase caps at 6 MB). */
const MAX_BODY_BYTES = 8 * 1024 * 1024

/** What the local runtime itself refuses, before any function runs; answered as `{ok: false, error}`. */
export const HTTP_ERRORS = {
  BAD_INPUT: API_ERRORS.BAD_INPUT,
  NOT_FOUND: API_ERRORS.NOT_FOUND,
  INTERNAL: API_ERRORS.INTERNAL,
  BAD_PATH: '网址格式不正确，请检查后再试。',
  FOREIGN_ORIGIN: '请求来自其他网站或地址，已被拒绝。请直接在本机打开群评。',
  METHOD_NOT_ALLOWED: '不支持这种请求方式。',
  PAYLOAD_TOO_LARGE: '提交的内容太大，请缩小后再试。',
  FILE_LINK_INVALID: '文件链接无效或已过期，请回到页面重新获取。',
} as const

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: keyof typeof HTTP_ERRORS,
    readonly headers: Record<string, string> = {},
  ) {
    super(HTTP_ERRORS[code])
  }
}

export const payloadTooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', { connection: 'close' })

/**
 * The body, refused with a coded 413 once it passes `limit`: reading stops there, the caller
 * answers, and the connection closes after the answer (the client reads it before any reset).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(payloadTooLarge())
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      reject(payloadTooLarge())
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

export function sendError(res: ServerResponse, e: HttpError): void {
  sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } }, e.headers)
}

/** A path segment decoded, or a coded 400 for a malformed escape. */
export function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, 'BAD_PATH')
  }
}
