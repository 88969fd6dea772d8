import { ROUND_ACTIONS, RoundState, acceptsAction, closedWindow, nextState, roundStatus, STATUS_LABELS, windowStatus, addMonthsShanghai, formatShanghai } from '../../src/core'
import { WINDOW } from './fixtures'

describe('round lifecycle', () => {
  it('walks draft → open → closed → published → archived', () => {
    const path = (['open', 'close', 'publish', 'archive'] as const).reduce<RoundState[]>(
      (states, action) => [...states, nextState(states[states.length - 1] as RoundState, action) as RoundState], ['draft'])
    expect(path).toEqual(['draft', 'open', 'closed', 'published', 'archived'])
  })

  it('accepts submit only while open', () => {
    expect(RoundState.options.filter((s) => acceptsAction(s, 'submit'))).toEqual(['open'])
  })

  it('refuses what a state does not accept: no reopening, no editing once open, no skipping publish', () => {
    expect(nextState('closed', 'open')).toBeNull()
    expect(acceptsAction('open', 'edit')).toBe(false)
    expect(nextState('closed', 'archive')).toBeNull()
    expect(nextState('draft', 'publish')).toBeNull()
  })

  it('keeps the state on non-moving actions and names a state for every action', () => {
    expect(nextState('open', 'submit')).toBe('open')
    for (const action of ROUND_ACTIONS) expect(RoundState.options.some((s) => acceptsAction(s, action))).toBe(true)
  })
})

describe('windowStatus in Asia/Shanghai (window 2014-06-18 08:00–12:00 +08:00)', () => {
  const round = { window: WINDOW }
  it.each([
    ['2014-06-18T07:59:59+08:00', 'not-yet-open'],
    ['2014-06-18T08:00:00+08:00', 'open'],
    ['2014-06-18T00:00:00Z', 'open'], // 08:00 Beijing, given in UTC
    ['2014-06-18T11:59:59+08:00', 'open'],
    ['2014-06-18T12:00:00+08:00', 'ended'],
    ['2014-06-18T04:00:00Z', 'ended'],
  ])('at %s it is %s', (now, status) => {
    expect(windowStatus(round, now)).toBe(status)
  })

  it('accepts Date and epoch milliseconds too', () => {
    expect(windowStatus(round, new Date('2014-06-18T01:00:00Z'))).toBe('open')
    expect(windowStatus(round, Date.parse('2014-06-17T23:59:59Z'))).toBe('not-yet-open')
  })

  it('shows times and extends by calendar months in Beijing time (004: 延期2个月)', () => {
    expect(formatShanghai('2014-06-18T00:00:00Z')).toBe('2014-06-18 08:00')
    expect(addMonthsShanghai('2011-08-31T23:30:00+08:00', 2)).toBe('2011-10-31T23:30:00+08:00')
    expect(addMonthsShanghai('2011-12-31T23:30:00+08:00', 2)).toBe('2012-02-29T23:30:00+08:00')
  })
})

describe('roundStatus: what everyone is told of a round at a moment', () => {
  it.each([
    ['open', '2014-06-17T09:00:00+08:00', '尚未开始'],
    ['open', '2014-06-18T09:00:00+08:00', '评议中'],
    ['open', '2014-06-18T12:00:00+08:00', '已结束'],
    ['draft', '2014-06-18T09:00:00+08:00', '草稿'],
    ['closed', '2014-06-17T09:00:00+08:00', '已结束'],
    ['published', '2014-06-18T09:00:00+08:00', '已公布'],
  ] as const)('a %s round at %s reads %s', (state, now, label) => {
    expect(STATUS_LABELS[roundStatus({ state, window: WINDOW }, now)]).toBe(label)
  })
})

describe('closedWindow: closing early makes now the real end', () => {
  const window = { opensAt: '2014-06-18T08:00:00+08:00', closesAt: '2014-06-18T12:00:00+08:00' }
  it.each([
    ['during the window, now', '2014-06-18T10:30:00+08:00', '2014-06-18T10:30:00+08:00'],
    ['before it opened, the opening', '2014-06-18T07:00:00+08:00', '2014-06-18T08:00:00+08:00'],
    ['after it ended, the planned end', '2014-06-18T13:00:00+08:00', '2014-06-18T12:00:00+08:00'],
  ])('closing %s', (_, now, end) => {
    expect(closedWindow(window, new Date(now))).toEqual({ opensAt: window.opensAt, closesAt: end })
  })
})
