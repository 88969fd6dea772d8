import { isOverdue, recordRectificationEvent, rectificationState, type RectificationEvent, type RectificationItem } from '../../src/core'

const owner = { id: 'u1', name: '张三', role: 'owner' } as const
const supervisor = { id: 'u9', name: '督导组', role: 'supervisor' } as const
const item: RectificationItem = {
  id: 'rx1', roundId: 'r1', targetId: 'a', problem: '办事窗口午间无人值守', responsibility: '办公室',
  ownerName: '张三', deadline: '2011-10-31T23:59:59+08:00', urgent: true,
  registeredBy: { id: 'u5', name: '李四', role: 'organizer' }, registeredAt: '2011-09-15T10:00:00+08:00', events: [],
}
const at = (day: number) => `2011-10-${String(day).padStart(2, '0')}T10:00:00+08:00`
const event = (type: RectificationEvent['type'], day: number, actor: RectificationEvent['actor'] = owner): RectificationEvent => ({ type, actor, at: at(day) })

function play(events: RectificationEvent[]) {
  return events.reduce<RectificationItem>((it, e) => {
    const next = recordRectificationEvent(it, e)
    if (!next.ok) throw new Error(next.error.code)
    return next.value
  }, item)
}

describe('rectification state machine', () => {
  it('derives registered → in-progress → closure-requested → sent-back → in-progress → … → verified', () => {
    const steps: RectificationEvent[] = [
      event('start', 1), event('request-closure', 5), event('send-back', 6, supervisor),
      event('resume', 7), event('request-closure', 9), event('verify', 10, supervisor),
    ]
    const seen = steps.map((_, i) => rectificationState(play(steps.slice(0, i + 1))))
    expect(seen.map((s) => s.ok && s.value)).toEqual(['in-progress', 'closure-requested', 'sent-back', 'in-progress', 'closure-requested', 'verified'])
    expect(rectificationState(item)).toEqual({ ok: true, value: 'registered' })
  })

  it('appends without rewriting history', () => {
    const started = play([event('start', 1)])
    expect(play([event('start', 1), event('request-closure', 2)]).events.slice(0, 1)).toEqual(started.events)
    expect(item.events).toEqual([])
  })

  it.each([
    ['verify before closure was requested', [event('start', 1)], event('verify', 2, supervisor), 'RECTIFICATION_TRANSITION_INVALID'],
    ['the owner verifying their own item', [event('start', 1), event('request-closure', 2)], event('verify', 3), 'RECTIFICATION_ACTOR_NOT_ALLOWED'],
    ['an event dated before the last one', [event('start', 5)], event('request-closure', 4), 'RECTIFICATION_EVENT_OUT_OF_ORDER'],
    ['resuming what was never sent back', [event('start', 1)], event('resume', 2), 'RECTIFICATION_TRANSITION_INVALID'],
  ])('refuses %s', (_, history, next, code) => {
    const r = recordRectificationEvent(play(history), next)
    expect(r.ok ? null : r.error.code).toBe(code)
  })

  it('is overdue after the deadline unless verified, awaiting verification included', () => {
    const lateNow = '2011-11-01T00:00:00+08:00'
    expect(isOverdue(item, '2011-10-31T23:59:59+08:00')).toBe(false)
    expect(isOverdue(item, lateNow)).toBe(true)
    expect(isOverdue(play([event('start', 1), event('request-closure', 2)]), lateNow)).toBe(true)
    expect(isOverdue(play([event('start', 1), event('request-closure', 2), event('verify', 3, supervisor)]), lateNow)).toBe(false)
  })
})
