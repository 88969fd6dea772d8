/**
 * @module Scopes a database request runs in: straight on the store, or inside a snapshot-isolated
 * transaction whose writes stay private until commit (first writer wins, as in MongoDB).
 */
import { randomBytes } from 'node:crypto'
import type { Doc } from './ejson'
import { transactionConflict, transactionNotExist } from './errors'
import { docKey, type Store, type Write } from './store'

/** CloudBase aborts a transaction that stays open longer than this. */
const TRANSACTION_LIFETIME_MS = 30_000

export interface Scope {
  get(coll: string, id: string): Doc | undefined
  docs(coll: string): Doc[]
  write(writes: Write[]): void
}

export const directScope = (store: Store): Scope => ({
  get: (coll, id) => store.collection(coll).get(id)?.doc,
  docs: (coll) => [...store.collection(coll).values()].map((e) => e.doc),
  write: (writes) => void store.apply(writes),
})

class Transaction implements Scope {
  readonly writes = new Map<string, Write>()
  readonly startedAt = Date.now()
  /** As in MongoDB, the snapshot is taken by the first operation, not by startTransaction. */
  private snapshot: number | undefined

  constructor(
    private readonly store: Store,
    private readonly others: () => Iterable<Transaction>,
  ) {}

  private get startSeq(): number {
    this.snapshot ??= this.store.currentSeq
    return this.snapshot
  }

  /** A document changed after our snapshot cannot be served from it: the caller must retry. */
  private assertUnchangedSinceSnapshot(coll: string, id: string) {
    if (this.store.versionOf(coll, id) > this.startSeq) throw transactionConflict()
  }

  get(coll: string, id: string): Doc | undefined {
    const own = this.writes.get(docKey(coll, id))
    if (own) return own.doc ?? undefined
    this.assertUnchangedSinceSnapshot(coll, id)
    return this.store.collection(coll).get(id)?.doc
  }

  docs(coll: string): Doc[] {
    const merged = new Map<string, Doc | null>()
    for (const [id, entry] of this.store.collection(coll)) {
      if (entry.version > this.startSeq) throw transactionConflict()
      merged.set(id, entry.doc)
    }
    for (const w of this.writes.values()) if (w.coll === coll) merged.set(w.id, w.doc)
    return [...merged.values()].filter((d): d is Doc => d !== null)
  }

  write(writes: Write[]): void {
    for (const w of writes) {
      const key = docKey(w.coll, w.id)
      if (!this.writes.has(key)) {
        this.assertUnchangedSinceSnapshot(w.coll, w.id)
        for (const other of this.others()) {
          if (other !== this && other.writes.has(key)) throw transactionConflict()
        }
      }
    }
    for (const w of writes) this.writes.set(docKey(w.coll, w.id), w)
  }

  commit(): void {
    // A direct (non-transactional) write may have landed on one of our documents meanwhile.
    for (const w of this.writes.values()) this.assertUnchangedSinceSnapshot(w.coll, w.id)
    this.store.apply([...this.writes.values()])
  }
}

export class Transactions {
  private readonly open = new Map<string, Transaction>()

  constructor(private readonly store: Store) {}

  start(): string {
    this.expire()
    const id = randomBytes(16).toString('hex')
    this.open.set(id, new Transaction(this.store, () => this.open.values()))
    return id
  }

  scope(id: string): Scope {
    this.expire()
    const tx = this.open.get(id)
    if (!tx) throw transactionNotExist()
    return tx
  }

  /** A failed commit ends the transaction as well: its writes are discarded. */
  commit(id: string): void {
    const tx = this.scope(id) as Transaction
    this.open.delete(id)
    tx.commit()
  }

  abort(id: string): void {
    this.scope(id)
    this.open.delete(id)
  }

  /**
   * As in MongoDB, an operation that fails inside a transaction aborts it, releasing what it had
   * written: the SDK's runTransaction retries a conflict without rolling back first.
   */
  discard(id: string): void {
    this.open.delete(id)
  }

  private expire() {
    const now = Date.now()
    for (const [id, tx] of this.open) if (now - tx.startedAt > TRANSACTION_LIFETIME_MS) this.open.delete(id)
  }
}
