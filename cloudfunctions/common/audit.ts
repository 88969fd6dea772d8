/** @module The append-only audit log: who changed what, before and after, when. */
import { database } from './cloudbase'

export interface AuditRecord {
  action: string
  subject: string
  /** The unit the change belongs to, so organisers of that subtree can read it; null: the whole tree's, for whole-tree admins. */
  unitId: string | null
  before?: unknown
  after?: unknown
}

export async function actorName(openid: string): Promise<string> {
  const { data } = await database().collection('roles').where({ openid }).limit(1).get()
  return (data[0] as { name?: string } | undefined)?.name ?? '管理员'
}

export async function audit(openid: string, record: AuditRecord, now: Date): Promise<void> {
  await database()
    .collection('audit')
    .add({ actor: openid, actorName: await actorName(openid), ...record, before: record.before ?? null, after: record.after ?? null, at: now })
}
