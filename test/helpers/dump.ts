/**
 * @module The whole database of an in-process runtime, as the fuzz test compares it before and
 * after a call: every collection the functions use, every document in natural order with the
 * commit version of its last write and its stored text (EJSON). The one place the fuzz test reads
 * the raw store, so a change in how the embedded CloudBase is reached stays here.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { stringify } from '../../local/cloudbase/ejson'
import type { Entry } from '../../local/cloudbase/store'
import type { Runtime } from '../../local/runtime'

/** Shared between calls while nothing is committed (see dumpDatabase): read it, never change it. */
export interface Dump {
  readonly seq: number
  readonly rows: readonly { readonly key: string; readonly entry: Entry }[]
}

/**
 * A commit replaces a document's entry (a new object with a new version) and never edits one, so
 * an entry's text is computed once, and two dumps whose rows hold the same entries in the same
 * order have the same text, byte for byte. That keeps a comparison after every fuzzed call cheap
 * however large the database grows.
 */
const texts = new WeakMap<Entry, string>()
const textOf = (entry: Entry) => texts.get(entry) ?? texts.set(entry, stringify(entry.doc)).get(entry)!

/**
 * Only a commit changes what a collection holds (and bumps the sequence; creating a collection adds
 * no row), so while the sequence stands the last dump is still the database: most fuzzed calls are
 * refused or only read, and walking thousands of rows before and after each of them was a tenth of
 * the fuzz test's time.
 */
const lastDump = new WeakMap<object, Dump>()

export function dumpDatabase(runtime: Runtime): Dump {
  const { store } = runtime.cloudbase
  const last = lastDump.get(store)
  if (last?.seq === store.currentSeq) return last
  const rows: { key: string; entry: Entry }[] = []
  for (const name of COLLECTIONS) {
    if (!store.hasCollection(name)) continue
    for (const [id, entry] of store.collection(name)) rows.push({ key: `${name}/${id}`, entry })
  }
  const dump = { seq: store.currentSeq, rows }
  lastDump.set(store, dump)
  return dump
}

const sameRow = (a: Dump['rows'][number], b: Dump['rows'][number]) => a.key === b.key && (a.entry === b.entry || (textOf(a.entry) === textOf(b.entry) && a.entry.version === b.entry.version))

/** Which documents differ between two dumps (empty when the texts are equal), for a failure message a person can act on. */
export function dumpDifference(before: Dump, after: Dump): string[] {
  if (before === after) return []
  if (before.seq === after.seq && before.rows.length === after.rows.length && before.rows.every((r, i) => sameRow(r, after.rows[i]))) return []
  const index = (d: Dump) => new Map(d.rows.map((r) => [r.key, `${r.entry.version}\t${textOf(r.entry)}`]))
  const [a, b] = [index(before), index(after)]
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k))
  const described = changed.map((k) => (a.has(k) ? (b.has(k) ? `changed ${k}` : `removed ${k}`) : `added ${k}`))
  return described.length ? described : [before.seq === after.seq ? 'documents reordered' : `commit sequence ${before.seq} → ${after.seq}`]
}

/**
 * The code box's guess budgets (cloudfunctions/common/codeGuesses.ts): charging a wrong code to its
 * guesser, and a refusal on a real code to its round (with the code's marker), are the only writes
 * a refused guess may make.
 */
const GUESS_KINDS: unknown[] = ['code-guess', 'round-code-refusal', 'round-code-refused']
export const guessBudgets = (d: Dump) => new Set(d.rows.filter((r) => r.key.startsWith('limits/') && GUESS_KINDS.includes((r.entry.doc as { kind?: unknown } | undefined)?.kind)).map((r) => r.key))
