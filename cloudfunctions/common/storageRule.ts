/**
 * @module What a client may do in cloud storage, declared once: the deploy sets it as CloudBase's
 * custom storage rule, and the local runtime judges client uploads by the same declaration.
 * Clients read nothing (files reach them only as the functions' temporary links) and write only
 * progress photos into their own incoming folder, a few fixed slots, before a ledger step takes them.
 */
import { MAX_PHOTOS_PER_NOTE } from '../../src/core'

/** Where a client's photos wait for the ledger step that takes them in. */
export const INCOMING_ROOT = 'ledger-incoming'

/**
 * A folder (a keyed pseudonym of the person, 32 hex) and a slot: at most as many files per person
 * as a step takes photos, each new upload overwriting its slot, so abandoned uploads cannot pile up.
 */
export const INCOMING_PATH = new RegExp(`^${INCOMING_ROOT}/[0-9a-f]{32}/[0-${MAX_PHOTOS_PER_NOTE - 1}]$`)

export const STORAGE_RULE = {
  read: false,
  /** Only the person who created a file may write it (upload, overwrite, delete), and only at an incoming slot. */
  write: { creatorOnly: true, path: INCOMING_PATH },
} as const

/** CloudBase's custom rule syntax: a regex literal (`source` escapes its slashes) whose `test` is compared with `true`. */
export function cloudbaseStorageRule(): { read: boolean; write: string } {
  return { read: STORAGE_RULE.read, write: `auth != null && resource.openid == auth.openid && /${STORAGE_RULE.write.path.source}/.test(resource.path) == true` }
}

/** The same rule as the local runtime applies it to a client upload; `owner` is the file's creator, if it exists. */
export function clientMayWrite(openid: string | undefined, cloudPath: string, owner: string | undefined): boolean {
  return openid !== undefined && (owner ?? openid) === openid && STORAGE_RULE.write.path.test(cloudPath)
}
