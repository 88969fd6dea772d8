/** Ids are keys of records and counter fields: no id may be a name a plain object already answers to. */
import { BallotInput, Id, ownEntry } from '../../src/core'

describe('Id', () => {
  test.each(Object.getOwnPropertyNames(Object.prototype))('refuses %s with a Chinese message', (name) => {
    const parsed = Id.safeParse(name)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0].message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('accepts ids that merely contain such a name', () => {
    expect(['toString1', 'my-constructor', 'root', 'valueof'].map((id) => Id.safeParse(id).success)).toEqual([true, true, true, true])
  })

  test('a ballot rating an item called toString is malformed, not a lookup of the prototype', () => {
    expect(BallotInput.safeParse({ targetId: 't1', overall: 'good', items: { toString: 'good' } }).success).toBe(false)
  })
})

describe('ownEntry', () => {
  test('finds only what the record holds, never what it inherits', () => {
    const names: Record<string, string> = { u1: '一支部' }
    expect(ownEntry(names, 'u1')).toBe('一支部')
    expect(['toString', 'constructor', '__proto__', 'valueOf'].map((k) => ownEntry(names, k))).toEqual([undefined, undefined, undefined, undefined])
  })
})
