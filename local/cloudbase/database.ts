/**
 * @module The `database.*` actions of the CloudBase wire protocol, as @cloudbase/database sends them.
 * Query, update and aggregation semantics come from the query engine (mingo); this file maps requests onto it.
 */
import { randomBytes } from 'node:crypto'
import { update } from 'mingo'
import { cloneDeep } from 'mingo/util'
import { z } from 'zod'
import { assertStorable, storedId } from './documents'
import { answer, answerStored, decode, decodeOptional, type Doc } from './ejson'
import { aggregate, assertSupported, find } from './engine'
import { collectionExists, duplicateWrite, invalidParam, requestFailed } from './errors'
import { idKey, type Store } from './store'
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
const isPlainId = (id: unknown): id is string | number => typeof id === 'string' || typeof id === 'number'
const describeId = (id: unknown) => JSON.stringify(id)

/** A request's filter: server dates resolved, unsupported features refused before anything runs. */
function criteriaOf(query: string | undefined, now: number): Record<string, unknown> {
  const criteria = decodeOptional(query, now) ?? {}
  assertSupported(criteria)
  return criteria
}

function matching(scope: Scope, coll: string, criteria: Record<string, unknown>): Doc[] {
  // A lookup by _id alone is the hot path (receipts, counters): answer it without a scan.
  if (isPlainId(criteria._id) && Object.keys(criteria).length === 1) {
    const doc = scope.get(coll, idKey(criteria._id))
    return doc ? [doc] : []
  }
  return find(equalCandidates(scope.docs(coll), criteria), criteria).all() as Doc[]
}

/**
 * The documents a filter's top-level equalities on scalars (`{roundId: 'r1', open: true}`) leave,
 * for mingo to test the whole filter on: testing it on every document of a grown collection was
 * most of a query's time. Only a stored scalar that differs is dropped: an array may hold the value
 * and a typed BSON value may equal it, so objects stay candidates; `null` matches a missing field
 * and dotted paths reach into arrays, so those are left to mingo.
 */
function equalCandidates(docs: Doc[], criteria: Record<string, unknown>): Doc[] {
  const equalities = Object.entries(criteria).filter(
    ([key, value]) => !key.startsWith('$') && !key.includes('.') && key !== '__proto__' && (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value))),
  )
  if (equalities.length === 0) return docs
  return docs.filter((doc) => equalities.every(([key, value]) => Object.hasOwn(doc, key) && (doc[key] === value || (typeof doc[key] === 'object' && doc[key] !== null))))
}

/** Applies update operators to a copy; MongoDB's refusals (a `$` path, a changed `_id`) keep their code. */
function updated(doc: Doc, change: Record<string, unknown>): { next: Doc; changed: boolean } {
  const next = cloneDeep(doc) as Doc
  let fields: string[]
  try {
    fields = update(next, change)
  } catch (e) {
    throw requestFailed(e instanceof Error ? e.message : String(e))
  }
  assertStorable(next)
  return { next, changed: fields.length > 0 }
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
      const now = Date.now()
      const docs = p.data.map((text) => {
        const doc = decode(text, now)
        const stored = { ...doc, _id: doc._id === undefined ? newId() : storedId(doc._id) } as Doc
        assertStorable(stored)
        return stored
      })
      const seen = new Set<string>()
      for (const doc of docs) {
        const key = idKey(doc._id)
        if (seen.has(key) || scope.get(p.collectionName, key)) throw duplicateWrite(p.collectionName, describeId(doc._id))
        seen.add(key)
      }
      scope.write(docs.map((doc) => ({ coll: p.collectionName, id: idKey(doc._id), doc })))
      return { data: { insertedIds: docs.map((d) => d._id) } }
    },

    'database.getDocument': (params: unknown) => {
      const p = parseWith(schemas.getDocument, params)
      const scope = checkedScope(p)
      const limit = Math.min(p.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
      const offset = p.offset ?? 0
      const now = Date.now()
      const projection = decodeOptional(p.projection, now)
      let cursor = find(matching(scope, p.collectionName, criteriaOf(p.query, now)), {}, projection)
      const order = decodeOptional(p.order, now)
      if (order && Object.keys(order).length > 0) cursor = cursor.sort(order as Record<string, 1 | -1>)
      const list = cursor.skip(offset).limit(limit).all() as Doc[]
      // Without a projection the cursor yields the stored documents themselves.
      const stored = !projection || Object.keys(projection).length === 0
      return { data: { list: list.map(stored ? answerStored : answer) }, limit, offset }
    },

    'database.calculateDocument': (params: unknown) => {
      const p = parseWith(schemas.calculateDocument, params)
      return { data: { total: matching(checkedScope(p), p.collectionName, criteriaOf(p.query, Date.now())).length } }
    },

    'database.modifyDocument': (params: unknown) => {
      const p = parseWith(schemas.modifyDocument, params)
      const scope = checkedScope(p)
      const now = Date.now()
      const change = decode(p.data, now)
      const criteria = criteriaOf(p.query, now)
      const targets = matching(scope, p.collectionName, criteria)
      const chosen = p.multi ? targets : targets.slice(0, 1)
      // set() replaces: production counts every replaced document as updated, even one left as it was.
      const replaced = (id: unknown): Doc => {
        const doc = { ...cloneDeep(change), _id: id } as Doc
        assertStorable(doc)
        return doc
      }
      if (chosen.length === 0 && p.upsert) {
        const id = isPlainId(criteria._id) ? criteria._id : newId()
        const doc = p.merge ? updated({ _id: id }, change).next : replaced(id)
        scope.write([{ coll: p.collectionName, id: idKey(id), doc }])
        return { data: { updated: 0, upsert_id: id } }
      }
      const writes = chosen.flatMap((doc) => {
        if (!p.merge) return [{ coll: p.collectionName, id: idKey(doc._id), doc: replaced(doc._id) }]
        const { next, changed } = updated(doc, change)
        return changed ? [{ coll: p.collectionName, id: idKey(doc._id), doc: next }] : []
      })
      scope.write(writes)
      return { data: { updated: writes.length } }
    },

    /** `where().updateAndReturn()`: the first match updated, answered as it is afterwards. */
    'database.modifyAndReturnDoc': (params: unknown) => {
      const p = parseWith(schemas.modifyAndReturn, params)
      const scope = checkedScope(p)
      const now = Date.now()
      const [doc] = matching(scope, p.collectionName, criteriaOf(p.query, now))
      if (!doc) return { data: { updated: 0, doc: null } }
      const { next } = updated(doc, decode(p.data, now))
      scope.write([{ coll: p.collectionName, id: idKey(doc._id), doc: next }])
      return { data: { updated: 1, doc: answer(next) } }
    },

    'database.removeDocument': (params: unknown) => {
      const p = parseWith(schemas.removeDocument, params)
      const scope = checkedScope(p)
      const targets = matching(scope, p.collectionName, criteriaOf(p.query, Date.now()))
      const chosen = p.multi ? targets : targets.slice(0, 1)
      scope.write(chosen.map((doc) => ({ coll: p.collectionName, id: idKey(doc._id), doc: null })))
      return { data: { deleted: chosen.length } }
    },

    'database.aggregateDocuments': (params: unknown) => {
      const p = parseWith(schemas.aggregateDocuments, params)
      const scope = checkedScope(p)
      const now = Date.now()
      const pipeline = p.stages.map((s) => ({ [s.stageKey]: decode(`{"v":${s.stageValue}}`, now).v }))
      assertSupported(pipeline)
      const joined = (name: string) => (store.hasCollection(name) ? scope.docs(name) : [])
      const list = aggregate(scope.docs(p.collectionName), pipeline, joined)
      return { data: { list: list.map(answer) } }
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
