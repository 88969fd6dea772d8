import { ERROR_MESSAGES, templateItems, validateBallot } from '../../src/core'
import { roundFrom, target } from './fixtures'

const round = roundFrom('sanping-yilian', { targets: [target('a'), target('b')] })
const allGood = Object.fromEntries(templateItems(round.template).map((i) => [i.id, 'good']))
const { f2: _, ...allButLast } = allGood

function check(input: unknown) {
  const r = validateBallot(round, input)
  return r.ok ? 'OK' : r.error.code
}

describe('validateBallot', () => {
  it('accepts a complete ballot on the scale and trims the opinion', () => {
    const r = validateBallot(round, { targetId: 'a', overall: 'fair', items: allGood, opinion: '  多听群众意见  ' })
    expect(r).toEqual({ ok: true, value: { targetId: 'a', overall: 'fair', items: allGood, opinion: '多听群众意见' } })
  })

  it('drops a blank opinion', () => {
    const r = validateBallot(round, { targetId: 'a', overall: 'good', items: allGood, opinion: '   ' })
    expect(r.ok && 'opinion' in r.value).toBe(false)
  })

  it.each([
    ['unknown top-level key', { targetId: 'a', overall: 'good', items: allGood, voter: 'x' }, 'BALLOT_UNKNOWN_FIELD'],
    ['missing overall', { targetId: 'a', items: allGood }, 'OVERALL_MISSING'],
    ['not an object', 'good', 'BALLOT_MALFORMED'],
    ['id with a dot (would be a Mongo path)', { targetId: 'a', overall: 'good', items: { ...allGood, 'x.y': 'good' } }, 'BALLOT_MALFORMED'],
    ['target outside the round', { targetId: 'zz', overall: 'good', items: allGood }, 'TARGET_NOT_IN_ROUND'],
    ['overall off the scale', { targetId: 'a', overall: 'excellent', items: allGood }, 'LEVEL_NOT_ON_SCALE'],
    ['item off the scale', { targetId: 'a', overall: 'good', items: { ...allGood, s1: 'unknown' } }, 'LEVEL_NOT_ON_SCALE'],
    ['unknown item', { targetId: 'a', overall: 'good', items: { ...allGood, z9: 'good' } }, 'ITEM_UNKNOWN'],
    ['missing item', { targetId: 'a', overall: 'good', items: allButLast }, 'ITEM_MISSING'],
    ['opinion over 500 characters', { targetId: 'a', overall: 'good', items: allGood, opinion: '意'.repeat(501) }, 'OPINION_TOO_LONG'],
  ])('rejects %s', (_, input, code) => {
    expect(check(input)).toBe(code)
  })

  it('allows exactly the maximum opinion length, counting an emoji as one character', () => {
    expect(check({ targetId: 'a', overall: 'good', items: allGood, opinion: '意'.repeat(499) + '👍' })).toBe('OK')
  })

  it('rejects an opinion when the template does not collect one', () => {
    const closed = { ...round, template: { ...round.template, opinion: { enabled: false, maxLength: 10 } } }
    const r = validateBallot(closed, { targetId: 'a', overall: 'good', items: allGood, opinion: '建议' })
    expect(r.ok ? null : r.error.code).toBe('OPINION_NOT_ALLOWED')
  })

  it('speaks Chinese and names the missing item', () => {
    const r = validateBallot(round, { targetId: 'a', overall: 'good', items: allButLast })
    expect(r.ok ? '' : r.error.message).toBe(`${ERROR_MESSAGES.ITEM_MISSING}：共性问题专项整改情况`)
  })
})
