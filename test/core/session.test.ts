/** 会场模式 in the core: a session's window inside the round's, when it takes ballots, and whom it expects. */
import { checkSessionWindow, expectedInSession, sessionRefusal, sessionStatus, sessionTargets } from '../../src/core'
import { roundFrom, target, WINDOW } from './fixtures'

// Seed 000: two groups of two units; 15 unit evaluators and 5 all-round evaluators per unit.
const round = roundFrom('sanping-yilian', {
  targets: ['a', 'b', 'c', 'd'].map((id) => target(id)),
  groups: [
    { id: 'g1', name: '第一组', leadUnitId: 'a', unitIds: ['a', 'b'] },
    { id: 'g2', name: '第二组', leadUnitId: 'c', unitIds: ['c', 'd'] },
  ],
})
const session = { opensAt: '2014-06-18T09:00:00+08:00', closesAt: '2014-06-18T10:00:00+08:00', endedAt: null }

test('a session takes ballots from its start until its end or 结束测评, whichever comes first', () => {
  expect(sessionStatus(session, '2014-06-18T08:59:59+08:00')).toBe('not-yet-open')
  expect(sessionStatus(session, '2014-06-18T09:00:00+08:00')).toBe('open')
  expect(sessionStatus(session, '2014-06-18T10:00:00+08:00')).toBe('ended')
  expect(sessionStatus({ ...session, endedAt: '2014-06-18T09:30:00+08:00' }, '2014-06-18T09:31:00+08:00')).toBe('ended')
  expect(sessionRefusal(session, '2014-06-18T09:30:00+08:00')).toBeNull()
  expect(sessionRefusal(session, '2014-06-18T08:00:00+08:00')?.code).toBe('SESSION_NOT_YET_OPEN')
  expect(sessionRefusal({ ...session, endedAt: '2014-06-18T09:30:00+08:00' }, '2014-06-18T09:31:00+08:00')).toEqual({ code: 'SESSION_ENDED', message: '本场测评已结束，不再接受评价' })
})

test('a session lies inside the round\'s window, ends after it starts, and has not ended already', () => {
  const now = '2014-06-18T08:30:00+08:00'
  expect(checkSessionWindow(round, session, now).ok).toBe(true)
  expect(checkSessionWindow(round, WINDOW, now).ok).toBe(true)
  for (const bad of [
    { ...session, opensAt: '2014-06-18T07:59:00+08:00' },
    { ...session, closesAt: '2014-06-18T12:01:00+08:00' },
    { opensAt: session.closesAt, closesAt: session.opensAt },
    { opensAt: session.opensAt, closesAt: session.opensAt },
  ]) expect(checkSessionWindow(round, bad, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'SESSION_WINDOW_INVALID' }) })
  expect(checkSessionWindow(round, session, '2014-06-18T10:00:00+08:00').ok).toBe(false)
  // The same instant written in another offset is the same instant.
  expect(checkSessionWindow(round, { opensAt: '2014-06-18T00:00:00Z', closesAt: '2014-06-18T04:00:00Z' }, now).ok).toBe(true)
})

test('a group\'s meeting rates its units\' targets and expects each category\'s count from each of them', () => {
  expect(sessionTargets(round, 'g1').map((t) => t.id)).toEqual(['a', 'b'])
  expect(expectedInSession(round, 'g1')).toEqual([
    { categoryId: 'unit', name: expect.any(String), expected: 30 },
    { categoryId: 'all-round', name: expect.any(String), expected: 10 },
  ])
  expect(expectedInSession(round, null).map((c) => c.expected)).toEqual([60, 20])
  // A group the round does not have meets nobody.
  expect(sessionTargets(round, 'g9')).toEqual([])
  expect(expectedInSession(round, 'g9').map((c) => c.expected)).toEqual([0, 0])
})
