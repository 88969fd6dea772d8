/**
 * @module Cloud storage as the node SDK drives it: `storage.getUploadMetadata` hands out a PUT URL
 * on this server, the file lands in the data folder, `storage.batchGetDownloadUrl` answers URLs
 * that this server serves back.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { invalidParam } from './errors'

const safePath = z.string().min(1).max(512).regex(/^[^\\]+$/).refine((p) => !p.split('/').includes('..'), 'path must not climb')

export class LocalStorage {
  constructor(
    private readonly root: string,
    private readonly env: string,
    private readonly publicUrl: () => string,
  ) {}

  private fileId = (cloudPath: string) => `cloud://${this.env}.local/${cloudPath}`

  private cloudPathOf(fileId: string): string {
    const prefix = `cloud://${this.env}.local/`
    if (!fileId.startsWith(prefix)) throw invalidParam(`unknown fileID ${fileId}`)
    return safePath.parse(fileId.slice(prefix.length))
  }

  diskPath(cloudPath: string): string {
    return path.join(this.root, safePath.parse(cloudPath))
  }

  uploadMetadata(params: unknown) {
    const p = z.object({ path: safePath }).safeParse(params)
    if (!p.success) throw invalidParam('storage path is invalid')
    const url = `${this.publicUrl()}/__storage/${p.data.path.split('/').map(encodeURIComponent).join('/')}`
    return { data: { url, token: 'local', authorization: 'local', fileId: this.fileId(p.data.path), cosFileId: createHash('sha1').update(p.data.path).digest('hex') } }
  }

  write(cloudPath: string, body: Buffer): void {
    const file = this.diskPath(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, body)
  }

  downloadUrls(params: unknown) {
    const p = z.object({ file_list: z.array(z.object({ fileid: z.string() })) }).safeParse(params)
    if (!p.success) throw invalidParam('file_list is invalid')
    const download_list = p.data.file_list.map(({ fileid }) => {
      const cloudPath = this.cloudPathOf(fileid)
      const exists = fs.existsSync(this.diskPath(cloudPath))
      return exists
        ? { fileID: fileid, tempFileURL: `${this.publicUrl()}/__storage/${cloudPath.split('/').map(encodeURIComponent).join('/')}`, code: 'SUCCESS' }
        : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
    })
    return { data: { download_list } }
  }
}
