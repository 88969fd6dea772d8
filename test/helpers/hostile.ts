/**
 * @module What an attacker sends instead of a valid input: prototype keys, MongoDB operators,
 * dotted names, ids that collide with Object.prototype or with the root of the unit tree, huge
 * strings, deep nesting, wrong types — whole, or as mutations at any depth of a valid input.
 */
import fc from 'fast-check'

/** Keys that reach an object's prototype or a query operator when used as a field name. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '$gt', '$where', '$set', 'a.b', '.', '$', '']

/** Strings that pose as ids. */
export const HOSTILE_IDS = [
  ...HOSTILE_KEYS, 'root', 'ROOT', 'isPrototypeOf', '__lookupGetter__', 'propertyIsEnumerable', 'toLocaleString',
  '$ne', '$in', '$regex', '{"$gt":""}', 'a.b.c', '..', '../..', '..%2f', 'a/b', '%00', '\u0000', ' ', '  x  ', 'x'.repeat(41),
  'null', 'undefined', 'NaN', '0', '-1', '1e999', '测试', '😀', '\u202e', 'admin', 'demo-community', 'street-yangguang',
]

/** Hostile ids that an id's pattern admits, so they reach the handlers: the ones most worth trying. */
export const PLAUSIBLE_IDS = ['root', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf', '__lookupGetter__', 'propertyIsEnumerable', 'toLocaleString', 'admin', 'demo-community', 'street-yangguang', 'x'.repeat(40), '0', '-1']

/** Lengths around every bound the schemas declare, and far past them. */
const HUGE_LENGTHS = [17, 33, 41, 65, 101, 201, 501, 2001, 5001, 20001, 100_000, 1_000_000]

export const hugeString = fc.tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('x', '测', '😀', '$', ' ')).map(([n, c]) => c.repeat(n))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 50, unit: 'grapheme' }) },
  { weight: 1, arbitrary: hugeString },
)

/** A plain object with one own key, whatever the key (JSON.parse makes `__proto__` an own key too). */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  return target
}

function nest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = asArray ? [value] : withKey({}, i % 3 === 0 ? '__proto__' : 'a', value)
  return value
}

const smallLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_IDS),
  fc.string({ maxLength: 20, unit: 'grapheme' }),
  fc.constantFrom(null, true, false, 0, -1, -0, 0.5, 1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31)),
  fc.constantFrom({}, [], [[]], { $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }),
)

const leaf = fc.oneof({ weight: 6, arbitrary: smallLeaf }, { weight: 1, arbitrary: hugeString })

/** Deep and wide shapes are built from small leaves, so no event outgrows what a client can send. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_KEYS), leaf).map(([k, v]) => withKey({}, k, v)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 2, max: 1000 }), smallLeaf, fc.boolean()).map(([d, l, a]) => nest(d, l, a)) },
  { weight: 1, arbitrary: fc.tuple(smallLeaf, fc.constantFrom(51, 201, 501, 2001, 10_000)).map(([v, n]) => Array.from({ length: n }, () => v)) },
)

type Path = (string | number)[]

/** Where a mutation may land: the input's own shape, not the inside of a hostile value put there before. */
const MAX_PATH_DEPTH = 8
const MAX_PATHS = 500

function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (out.length >= MAX_PATHS) return out
  out.push(at)
  if (at.length >= MAX_PATH_DEPTH) return out
  if (Array.isArray(value)) value.slice(0, MAX_PATHS).forEach((v, i) => pathsOf(v, [...at, i], out))
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) pathsOf((value as Record<string, unknown>)[k], [...at, k], out)
  return out
}

/** What a client can send at most: the local gateway takes 8 MB; CloudBase takes 6 MB. */
const MAX_EVENT_CHARS = 4_000_000
/** Copies in a flood: past every array bound the schemas declare. */
const FLOOD = 2001

const jsonLength = (value: unknown) => JSON.stringify(value)?.length ?? 0

const MUTATIONS = ['replace', 'hostile-id', 'plausible-id', 'plausible-id', 'huge', 'delete', 'add-key', 'wrap', 'flood', 'retype'] as const

export interface Mutation {
  kind: (typeof MUTATIONS)[number]
  pick: number
  key: string
  value: unknown
  id: string
  plausible: string
  huge: string
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })),
  value: hostileValue,
  id: fc.constantFrom(...HOSTILE_IDS),
  plausible: fc.constantFrom(...PLAUSIBLE_IDS),
  huge: hugeString,
})

function change(value: unknown, m: Mutation): unknown {
  switch (m.kind) {
    case 'replace': return m.value
    case 'hostile-id': return m.id
    case 'plausible-id': return m.plausible
    case 'huge': return m.huge
    case 'add-key': return value && typeof value === 'object' && !Array.isArray(value) ? withKey({ ...value }, m.key, m.value) : withKey({}, m.key, value)
    case 'wrap': return [value]
    case 'flood': return jsonLength(value) * FLOOD > MAX_EVENT_CHARS ? value : Array.isArray(value) ? Array.from({ length: FLOOD }, (_, i) => value[i % Math.max(1, value.length)]) : [value, value]
    case 'retype': return typeof value === 'number' ? String(value) : typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : typeof value === 'string' ? { value } : JSON.stringify(value ?? null)
    case 'delete': return undefined
  }
}


/**
 * The valid input with one mutation at one of its paths (the root included); unchanged when the
 * mutation would make it larger than a client can send. Never changes its argument.
 */
export function mutate(valid: unknown, m: Mutation): unknown {
  const mutated = mutateAt(valid, m)
  return jsonLength(mutated) > MAX_EVENT_CHARS ? valid : mutated
}

function mutateAt(valid: unknown, m: Mutation): unknown {
  // A JSON copy, as the platform would deliver it: own `__proto__` keys survive, deep values do not overflow a clone.
  const copy = JSON.parse(JSON.stringify(valid) ?? 'null') as unknown
  const paths = pathsOf(copy)
  const path = paths[m.pick % paths.length]
  if (path.length === 0) return change(copy, m) ?? {}
  let parent = copy as Record<string | number, unknown>
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>
  const last = path[path.length - 1]
  const next = change(parent[last], m)
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else if (Array.isArray(parent)) parent[last as number] = next
  else withKey(parent, String(last), next)
  return copy
}
