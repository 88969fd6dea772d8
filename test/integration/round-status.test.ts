/**
 * A round opened ahead of its window reads the same to everyone: 尚未开始 to the organiser, the
 * leader's dashboard and the resident alike, never 评议中 on one screen and 尚未开始 on another.
 */
import type { RoundListItem } from '../../src/api/organize'
import type { RoundResults } from '../../src/api/report'
import { inShanghai } from '../../src/core'
import { openRound } from '../helpers/rounds'
import { type Answer, data, signIn, runtimeWithAdmin } from '../helpers/runtime'

const stack = runtimeWithAdmin()

test('an open round whose window starts tomorrow is 尚未开始 for organiser, dashboard and resident', async () => {
  const tomorrow = inShanghai(new Date()).add(1, 'day')
  const roundId = await openRound(stack.runtime, { window: { opensAt: tomorrow.format(), closesAt: tomorrow.add(2, 'day').format() } })
  const listed = data(await stack.admin.call<Answer<{ rounds: RoundListItem[] }>>('organize', { action: 'listRounds', data: {} })).rounds.find((r) => r.id === roundId)
  expect(listed).toMatchObject({ state: 'open', status: 'not-yet-open' })
  expect(data(await stack.admin.call<Answer<RoundListItem>>('organize', { action: 'getRound', data: { roundId } })).status).toBe('not-yet-open')
  expect(data(await stack.admin.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId } })).round.stateLabel).toBe('尚未开始')
  const resident = await signIn(stack.runtime, 'voter-1')
  expect(data(await resident.call<Answer<{ round: { windowStatus: string } }>>('evaluate', { action: 'getRound', data: { roundId } })).round.windowStatus).toBe('not-yet-open')
})

test('inside its window the same round is 评议中 everywhere', async () => {
  const roundId = await openRound(stack.runtime)
  const listed = data(await stack.admin.call<Answer<{ rounds: RoundListItem[] }>>('organize', { action: 'listRounds', data: {} })).rounds.find((r) => r.id === roundId)
  expect(listed).toMatchObject({ state: 'open', status: 'open' })
  expect(data(await stack.admin.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId } })).round.stateLabel).toBe('评议中')
})
