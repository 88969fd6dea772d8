/**
 * @module Cloud storage as the node SDK drives it, with links that work the way COS's do: only for
 * whoever holds them, and only for a while. `storage.getUploadMetadata` hands a signed caller an
 * upload authorization for one path (PUT, single use, 10 minutes); `storage.batchGetDownloadUrl`
 * answers temporary URLs signed for one path until `max_age` runs out. Anything else at
 * `/__storage/` is refused, so a code sheet (which holds invitation codes) reaches no outsider.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { HttpError } from '../http'
import { invalidParam } from './errors'

// No backslash, no control character, no `..` segment: the path stays inside the storage folder.
const safePath = z.string().min(1).max(512).regex(/^[^\\\p{Cc}]+$/u).refine((p) => !p.split('/').includes('..'), 'path must not climb')

const UPLOAD_TTL_S = 600
/** COS temporary links default to an hour here; a caller may ask for up to a day. */
const DEFAULT_DOWNLOAD_TTL_S = 3600
const MAX_DOWNLOAD_TTL_S = 86_400

const linkRefused = () => new HttpError(403, 'FILE_LINK_INVALID')

export class LocalStorage {
  /** Upload authorizations already spent, until they expire. */
  private readonly spent = new Map<string, number>()
  /** Who each client upload authorization was handed to (the file's creator once it is written). */
  private readonly grantedTo = new Map<string, string>()
  /** Each client-created file's creator (CloudBase's `resource.openid`), kept beside the files. */
  private readonly owners: Map<string, string>

  constructor(
    private readonly root: string,
    private readonly env: string,
    private readonly publicUrl: () => string,
    private readonly signingKey: string,
    /** The server's clock (ms): links expire by it, and tests move it rather than wait. */
    private readonly now: () => number = Date.now,
  ) {
    this.owners = new Map(fs.existsSync(this.ownersFile) ? (JSON.parse(fs.readFileSync(this.ownersFile, 'utf8')) as [string, string][]) : [])
  }

  private get ownersFile() {
    return `${this.root}.owners.json`
  }

  private setOwner(cloudPath: string, owner: string | undefined) {
    if (owner === this.owners.get(cloudPath)) return
    if (owner) this.owners.set(cloudPath, owner)
    else this.owners.delete(cloudPath)
    fs.writeFileSync(this.ownersFile, JSON.stringify([...this.owners]))
  }

  /** The openid of the client that created the file at this path, if a client did and it is there. */
  ownerOf(cloudPath: string): string | undefined {
    return this.owners.get(cloudPath)
  }

  private nowS = () => Math.floor(this.now() / 1000)

  private fileId = (cloudPath: string) => `cloud://${this.env}.local/${cloudPath}`

  private mac = (purpose: 'put' | 'get', cloudPath: string, expires: number) =>
    createHmac('sha256', this.signingKey).update(`${purpose}\n${cloudPath}\n${expires}`).digest('base64url')

  private link = (cloudPath: string) => `${this.publicUrl()}/__storage/${cloudPath.split('/').map(encodeURIComponent).join('/')}`

  private cloudPathOf(fileId: string): string {
    const prefix = `cloud://${this.env}.local/`
    if (!fileId.startsWith(prefix)) throw invalidParam(`unknown fileID ${fileId}`)
    const p = safePath.safeParse(fileId.slice(prefix.length))
    if (!p.success) throw invalidParam(`invalid fileID ${fileId}`)
    return p.data
  }

  /** The path of a request to `/__storage/`, or a coded 400 if it could leave the folder. */
  checkedPath(cloudPath: string): string {
    const p = safePath.safeParse(cloudPath)
    if (!p.success) throw new HttpError(400, 'BAD_PATH')
    return p.data
  }

  private verify(purpose: 'put' | 'get', cloudPath: string, expires: string | null, sign: string | null): number {
    const t = Number(expires)
    if (!expires || !/^\d{1,12}$/.test(expires) || t < this.nowS() || !sign) throw linkRefused()
    const expected = Buffer.from(this.mac(purpose, cloudPath, t))
    const given = Buffer.from(sign)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw linkRefused()
    return t
  }

  /**
   * A PUT must carry the authorization `uploadMetadata` gave for this very path, unspent. Answers
   * the client it was handed to (undefined for a function's).
   */
  authorizeUpload(cloudPath: string, authorization: string | undefined): string | undefined {
    const [expires = null, nonce = '', sign = null] = (authorization ?? '').split('.')
    const t = this.verify('put', `${cloudPath}\n${nonce}`, expires, sign)
    for (const [used, until] of this.spent) {
      if (until >= this.nowS()) continue
      this.spent.delete(used)
      this.grantedTo.delete(used)
    }
    if (this.spent.has(sign!)) throw linkRefused()
    this.spent.set(sign!, t)
    return this.grantedTo.get(sign!)
  }

  authorizeDownload(cloudPath: string, query: URLSearchParams): void {
    this.verify('get', cloudPath, query.get('t'), query.get('sign'))
  }

  diskPath(cloudPath: string): string {
    return path.join(this.root, safePath.parse(cloudPath))
  }

  /** `client`: the openid of the mini-program user asking (`wx.cloud.uploadFile`); functions ask without one. */
  uploadMetadata(params: unknown, client?: string) {
    const p = z.object({ path: safePath }).safeParse(params)
    if (!p.success) throw invalidParam('storage path is invalid')
    const expires = this.nowS() + UPLOAD_TTL_S
    // A nonce, so two authorizations for one path within a second are two, each usable once.
    const nonce = randomBytes(9).toString('base64url')
    const sign = this.mac('put', `${p.data.path}\n${nonce}`, expires)
    if (client) this.grantedTo.set(sign, client)
    const authorization = `${expires}.${nonce}.${sign}`
    return { data: { url: this.link(p.data.path), token: '', authorization, fileId: this.fileId(p.data.path), cosFileId: createHash('sha1').update(p.data.path).digest('hex') } }
  }

  /** `owner`: the client that uploaded it; a function's write leaves the file without one. */
  write(cloudPath: string, body: Buffer, owner?: string): void {
    const file = this.diskPath(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, body)
    this.setOwner(cloudPath, owner)
  }

  downloadUrls(params: unknown) {
    const p = z.object({ file_list: z.array(z.object({ fileid: z.string(), max_age: z.number().int().positive().optional() })) }).safeParse(params)
    if (!p.success) throw invalidParam('file_list is invalid')
    const download_list = p.data.file_list.map(({ fileid, max_age }) => {
      const cloudPath = this.cloudPathOf(fileid)
      if (!fs.existsSync(this.diskPath(cloudPath))) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
      const expires = this.nowS() + Math.min(max_age ?? DEFAULT_DOWNLOAD_TTL_S, MAX_DOWNLOAD_TTL_S)
      return { fileID: fileid, tempFileURL: `${this.link(cloudPath)}?t=${expires}&sign=${this.mac('get', cloudPath, expires)}`, code: 'SUCCESS' }
    })
    return { data: { download_list } }
  }

  /** Every stored path under `prefix`, for tests that must see nothing was left behind. */
  list(prefix: string): string[] {
    const dir = this.diskPath(prefix)
    if (!fs.existsSync(dir)) return []
    return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((e) => e.isFile())
      .map((e) => path.relative(this.root, path.join(e.parentPath, e.name)))
  }

  /** As COS answers it: each file's outcome, a missing one `STORAGE_FILE_NONEXIST` (nothing else fails the batch). */
  deleteFiles(params: unknown) {
    const p = z.object({ fileid_list: z.array(z.string()).min(1) }).safeParse(params)
    if (!p.success) throw invalidParam('fileid_list is invalid')
    const delete_list = p.data.fileid_list.map((fileid) => {
      const file = this.diskPath(this.cloudPathOf(fileid))
      if (!fs.existsSync(file)) return { fileID: fileid, code: 'STORAGE_FILE_NONEXIST' }
      fs.rmSync(file)
      this.setOwner(this.cloudPathOf(fileid), undefined)
      return { fileID: fileid, code: 'SUCCESS' }
    })
    return { data: { delete_list } }
  }
}
