import {
  callsForRectification, closing, daysLeft, isOverdue, publicState, recordRectificationEvent, rectificationState, urgentDeadline,
  type RectificationEvent, type RectificationItem,
} from '../../src/core'

const owner = { id: 'u1', name: '张三', role: 'owner' } as const
const supervisor = { id: 'u9', name: '督导组', role: 'supervisor' } as const
const item: RectificationItem = {
  id: 'rx1', roundId: 'r1', targetId: 'a', source: { kind: 'opinions', opinionIds: ['0123456789abcdef'] },
  problem: '办事窗口午间无人值守', responsibility: '安排午间轮值', ownerUnitId: 'unit-a', ownerName: '张三',
  deadline: '2011-10-31T23:59:59+08:00', urgent: true,
  registeredBy: { id: 'u5', name: '李四', role: 'organizer' }, registeredAt: '2011-09-15T10:00:00+08:00', events: [],
}
const at = (day: number) => `2011-10-${String(day).padStart(2, '0')}T10:00:00+08:00`
const NOTES: Partial<Record<RectificationEvent['type'], string>> = { 'request-closure': '已安排轮值', 'send-back': '缺少排班表', progress: '已拟排班表' }
const event = (type: RectificationEvent['type'], day: number, actor: RectificationEvent['actor'] = owner): RectificationEvent => ({
  type, actor, at: at(day), ...(NOTES[type] ? { note: NOTES[type] } : {}),
})

function play(events: RectificationEvent[]) {
  return events.reduce<RectificationItem>((it, e) => {
    const next = recordRectificationEvent(it, e)
    if (!next.ok) throw new Error(next.error.code)
    return next.value
  }, item)
}

const refusal = (history: RectificationEvent[], next: RectificationEvent) => {
  const r = recordRectificationEvent(play(history), next)
  return r.ok ? null : r.error.code
}

describe('rectification state machine', () => {
  it('derives registered → in-progress → closure-requested → sent-back → in-progress → … → verified', () => {
    const steps: RectificationEvent[] = [
      event('start', 1), event('progress', 2), event('request-closure', 5), event('send-back', 6, supervisor),
      event('resume', 7), event('request-closure', 9), event('verify', 10, supervisor),
    ]
    const seen = steps.map((_, i) => rectificationState(play(steps.slice(0, i + 1))))
    expect(seen.map((s) => s.ok && s.value)).toEqual(['in-progress', 'in-progress', 'closure-requested', 'sent-back', 'in-progress', 'closure-requested', 'verified'])
    expect(rectificationState(item)).toEqual({ ok: true, value: 'registered' })
  })

  it('appends without rewriting history', () => {
    const started = play([event('start', 1)])
    expect(play([event('start', 1), event('request-closure', 2)]).events.slice(0, 1)).toEqual(started.events)
    expect(item.events).toEqual([])
  })

  const requested = [event('start', 1), event('request-closure', 2)]
  it.each([
    ['verify before closure was requested', [event('start', 1)], event('verify', 2, supervisor), 'RECTIFICATION_TRANSITION_INVALID'],
    ['the owner verifying their own item', requested, event('verify', 3), 'RECTIFICATION_ACTOR_NOT_ALLOWED'],
    ['the requester verifying as a supervisor', requested, event('verify', 3, { ...supervisor, id: owner.id }), 'RECTIFICATION_OWN_VERIFY'],
    ['a supervisor working the item', [event('start', 1)], event('progress', 2, supervisor), 'RECTIFICATION_OWNER_ONLY'],
    ['the organiser requesting closure', [event('start', 1)], event('request-closure', 2, { id: 'u5', name: '李四', role: 'organizer' }), 'RECTIFICATION_OWNER_ONLY'],
    ['an event dated before the last one', [event('start', 5)], event('request-closure', 4), 'RECTIFICATION_EVENT_OUT_OF_ORDER'],
    ['an event dated before registration', [], { ...event('start', 1), at: '2011-09-01T10:00:00+08:00' }, 'RECTIFICATION_EVENT_OUT_OF_ORDER'],
    ['resuming what was never sent back', [event('start', 1)], event('resume', 2), 'RECTIFICATION_TRANSITION_INVALID'],
    ['progress before accepting', [], event('progress', 1), 'RECTIFICATION_TRANSITION_INVALID'],
    ['progress while awaiting verification', requested, event('progress', 3), 'RECTIFICATION_TRANSITION_INVALID'],
    ['anything after 销号', [...requested, event('verify', 3, supervisor)], event('resume', 4), 'RECTIFICATION_TRANSITION_INVALID'],
    ['a closure request without a note', [event('start', 1)], { ...event('request-closure', 2), note: undefined }, 'RECTIFICATION_NOTE_REQUIRED'],
    ['a send-back without a reason', requested, { ...event('send-back', 3, supervisor), note: undefined }, 'RECTIFICATION_NOTE_REQUIRED'],
    ['an empty progress note', [event('start', 1)], { ...event('progress', 2), note: undefined }, 'RECTIFICATION_NOTE_REQUIRED'],
  ])('refuses %s', (_, history, next, code) => {
    expect(refusal(history, next)).toBe(code)
  })

  it('accepts a progress note that is only photos', () => {
    expect(refusal([event('start', 1)], { ...event('progress', 2), note: undefined, photos: ['cloud://env/rectification/rx1/a.jpg'] })).toBeNull()
  })

  it('refuses to replay an edited history: an event removed or reordered makes the item unreadable', () => {
    const done = play([event('start', 1), event('request-closure', 2), event('verify', 3, supervisor)])
    const withoutRequest = { ...done, events: [done.events[0], done.events[2]] }
    expect(rectificationState(withoutRequest)).toMatchObject({ ok: false, error: { code: 'RECTIFICATION_TRANSITION_INVALID' } })
    const reordered = { ...done, events: [done.events[1], done.events[0], done.events[2]] }
    expect(rectificationState(reordered).ok).toBe(false)
    const forgedActor = { ...done, events: [done.events[0], done.events[1], { ...done.events[2], actor: owner }] }
    expect(rectificationState(forgedActor)).toMatchObject({ ok: false, error: { code: 'RECTIFICATION_ACTOR_NOT_ALLOWED' } })
  })

  it('is overdue after the deadline unless verified, awaiting verification included', () => {
    const lateNow = '2011-11-01T00:00:00+08:00'
    expect(isOverdue(item, '2011-10-31T23:59:59+08:00')).toBe(false)
    expect(isOverdue(item, lateNow)).toBe(true)
    expect(isOverdue(play(requested), lateNow)).toBe(true)
    const verified = play([...requested, event('verify', 3, supervisor)])
    expect(isOverdue(verified, lateNow)).toBe(false)
    expect([publicState(item, at(1)), publicState(item, lateNow), publicState(verified, lateNow)]).toEqual(['整改中', '逾期', '已销号'])
  })

  it('shows the accepted request as the closing note once verified, and nothing before', () => {
    const sentBack = play([...requested, event('send-back', 3, supervisor), event('resume', 4)])
    expect(closing(sentBack)).toBeNull()
    const again = recordRectificationEvent(sentBack, { type: 'request-closure', actor: owner, at: at(5), note: '排班表已公示' })
    const verified = again.ok && recordRectificationEvent(again.value, event('verify', 6, supervisor))
    expect(verified && verified.ok && closing(verified.value)).toEqual({ note: '排班表已公示', photos: [], verifiedAt: at(6) })
  })

  it('gives urgent items (立行立改) the end of the seventh day in Shanghai, and counts days on the calendar', () => {
    expect(urgentDeadline('2011-10-01T23:30:00+08:00')).toBe('2011-10-08T23:59:59+08:00')
    expect(urgentDeadline('2011-10-01T16:30:00Z')).toBe('2011-10-09T23:59:59+08:00')
    expect(daysLeft('2011-10-04T08:00:00+08:00', '2011-10-01T23:00:00+08:00')).toBe(3)
    expect(daysLeft('2011-09-30T08:00:00+08:00', '2011-10-01T23:00:00+08:00')).toBe(-1)
  })

  it('offers an item only for verdicts carrying 整改, 返工 or 诫勉', () => {
    expect(callsForRectification([{ kind: 'redo' }])).toBe(true)
    expect(callsForRectification([{ kind: 'no-awards' }, { kind: 'warning-talk' }])).toBe(true)
    expect(callsForRectification([{ kind: 'annual-rating', rating: '基本称职' }, { kind: 'criticism' }])).toBe(false)
  })
})
