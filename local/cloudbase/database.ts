/**
 * @module The `database.*` actions of the CloudBase wire protocol, as @cloudbase/database sends them.
 * Query, update and aggregation semantics come from mingo; this file only maps requests onto them.
 */
import { randomBytes } from 'node:crypto'
import { aggregate, find, update } from 'mingo'
import { z } from 'zod'
import { type Doc, parse, parseOptional, stringify } from './ejson'
import { collectionExists, duplicateWrite, invalidParam } from './errors'
import type { Store } from './store'
import { directScope, type Scope, Transactions } from './transactions'

/** CloudBase never returns more than this many documents per query. */
export const MAX_LIMIT = 1000
const DEFAULT_LIMIT = 100

const base = z.object({ collectionName: z.string().min(1), transactionId: z.string().optional() })
const queried = base.extend({ query: z.string().optional() })
const schemas = {
  insertDocument: base.extend({ data: z.array(z.string()).min(1) }),
  getDocument: queried.extend({
    order: z.string().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).optional(),
    projection: z.string().optional(),
  }),
  calculateDocument: queried,
  modifyDocument: queried.extend({
    data: z.string(),
    multi: z.boolean().default(true),
    merge: z.boolean().default(true),
    upsert: z.boolean().default(false),
  }),
  removeDocument: queried.extend({ multi: z.boolean().default(true) }),
  modifyAndReturn: queried.extend({ data: z.string() }),
  aggregateDocuments: base.extend({ stages: z.array(z.object({ stageKey: z.string(), stageValue: z.string() })) }),
  addCollection: base,
  transaction: z.object({ transactionId: z.string() }),
}

const newId = () => randomBytes(16).toString('hex')
const clone = <T>(value: T): T => structuredClone(value)
const toId = (value: unknown): string => (typeof value === 'string' ? value : String(value))

function matching(scope: Scope, coll: string, query: string | undefined): Doc[] {
  const criteria = parseOptional(query) ?? {}
  // A lookup by _id alone is the hot path (receipts, counters): answer it without a scan.
  if (typeof criteria._id === 'string' && Object.keys(criteria).length === 1) {
    const doc = scope.get(coll, criteria._id)
    return doc ? [doc] : []
  }
  return find(scope.docs(coll), criteria).all() as Doc[]
}

export function databaseActions(store: Store, transactions: Transactions) {
  const scopeFor = (transactionId?: string): Scope => (transactionId ? transactions.scope(transactionId) : directScope(store))
  const parseWith = <S extends z.ZodTypeAny>(schema: S, params: unknown): z.infer<S> => {
    const result = schema.safeParse(params)
    if (!result.success) throw invalidParam(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
    return result.data
  }
  const checkedScope = (p: { collectionName: string; transactionId?: string }) => {
    store.collection(p.collectionName)
    return scopeFor(p.transactionId)
  }

  const actions = {
    'database.addCollection': (params: unknown) => {
      const p = parseWith(schemas.addCollection, params)
      if (!store.createCollection(p.collectionName)) throw collectionExists(p.collectionName)
      return { data: {} }
    },

    'database.insertDocument': (params: unknown) => {
      const p = parseWith(schemas.insertDocument, params)
      const scope = checkedScope(p)
      const docs = p.data.map((text) => {
        const doc = parse(text)
        return { ...doc, _id: doc._id === undefined ? newId() : toId(doc._id) } as Doc
      })
      const seen = new Set<string>()
      for (const doc of docs) {
        if (seen.has(doc._id) || scope.get(p.collectionName, doc._id)) throw duplicateWrite(p.collectionName, doc._id)
        seen.add(doc._id)
      }
      scope.write(docs.map((doc) => ({ coll: p.collectionName, id: doc._id, doc })))
      return { data: { insertedIds: docs.map((d) => d._id) } }
    },

    'database.getDocument': (params: unknown) => {
      const p = parseWith(schemas.getDocument, params)
      const scope = checkedScope(p)
      const limit = Math.min(p.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
      const offset = p.offset ?? 0
      let cursor = find(matching(scope, p.collectionName, p.query), {}, parseOptional(p.projection))
      const order = parseOptional(p.order)
      if (order && Object.keys(order).length > 0) cursor = cursor.sort(order as Record<string, 1 | -1>)
      const list = cursor.skip(offset).limit(limit).all()
      return { data: { list: list.map(stringify) }, limit, offset }
    },

    'database.calculateDocument': (params: unknown) => {
      const p = parseWith(schemas.calculateDocument, params)
      return { data: { total: matching(checkedScope(p), p.collectionName, p.query).length } }
    },

    'database.modifyDocument': (params: unknown) => {
      const p = parseWith(schemas.modifyDocument, params)
      const scope = checkedScope(p)
      const change = parse(p.data)
      const targets = matching(scope, p.collectionName, p.query)
      const chosen = p.multi ? targets : targets.slice(0, 1)
      const apply = (doc: Doc): Doc => {
        if (!p.merge) return { ...clone(change), _id: doc._id } as Doc
        const next = clone(doc)
        update(next, change)
        return next
      }
      if (chosen.length === 0 && p.upsert) {
        const criteria = parseOptional(p.query) ?? {}
        const id = typeof criteria._id === 'string' ? criteria._id : newId()
        scope.write([{ coll: p.collectionName, id, doc: apply({ _id: id }) }])
        return { data: { updated: 0, upsert_id: id } }
      }
      const writes = chosen.map((doc) => ({ coll: p.collectionName, id: doc._id, doc: apply(doc) }))
      const changed = writes.filter((w, i) => stringify(w.doc) !== stringify(chosen[i]))
      scope.write(changed)
      return { data: { updated: changed.length } }
    },

    /** `where().updateAndReturn()`: the first match updated, answered as it is afterwards. */
    'database.modifyAndReturnDoc': (params: unknown) => {
      const p = parseWith(schemas.modifyAndReturn, params)
      const scope = checkedScope(p)
      const [doc] = matching(scope, p.collectionName, p.query)
      if (!doc) return { data: { updated: 0, doc: null } }
      const next = clone(doc)
      update(next, parse(p.data))
      scope.write([{ coll: p.collectionName, id: doc._id, doc: next }])
      return { data: { updated: 1, doc: stringify(next) } }
    },

    'database.removeDocument': (params: unknown) => {
      const p = parseWith(schemas.removeDocument, params)
      const scope = checkedScope(p)
      const targets = matching(scope, p.collectionName, p.query)
      const chosen = p.multi ? targets : targets.slice(0, 1)
      scope.write(chosen.map((doc) => ({ coll: p.collectionName, id: doc._id, doc: null })))
      return { data: { deleted: chosen.length } }
    },

    'database.aggregateDocuments': (params: unknown) => {
      const p = parseWith(schemas.aggregateDocuments, params)
      const scope = checkedScope(p)
      const pipeline = p.stages.map((s) => ({ [s.stageKey]: parse(`{"v":${s.stageValue}}`).v }))
      const list = aggregate(scope.docs(p.collectionName), pipeline, { collectionResolver: (name: string) => scope.docs(name) })
      return { data: { list: list.map(stringify) } }
    },

    'database.startTransaction': () => ({ transactionId: transactions.start() }),

    'database.commitTransaction': (params: unknown) => {
      transactions.commit(parseWith(schemas.transaction, params).transactionId)
      return {}
    },

    'database.abortTransaction': (params: unknown) => {
      transactions.abort(parseWith(schemas.transaction, params).transactionId)
      return {}
    },
  }
  return Object.fromEntries(
    Object.entries(actions).map(([name, run]) => [
      name,
      (params: unknown) => {
        try {
          return run(params)
        } catch (e) {
          const transactionId = (params as { transactionId?: unknown } | null)?.transactionId
          if (typeof transactionId === 'string' && name !== 'database.abortTransaction') transactions.discard(transactionId)
          throw e
        }
      },
    ]),
  )
}
