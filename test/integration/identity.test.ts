/** Identity comes from the platform's context only: nothing in the request body can change it. */
import type { Runtime } from '../../local/runtime'
import { main as evaluate } from '../../cloudfunctions/evaluate'
import { functionContext } from '../../local/gateway'
import { signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

type MeAnswer = { ok: true; data: { tag: string } } | { ok: false; error: { code: string; message: string } }

test.each(['openid', 'OPENID', '_openid', 'userInfo'])('a body carrying %s cannot change who the caller is', async (key) => {
  const zhang = await signIn(runtime, 'resident-zhang')
  const li = await signIn(runtime, 'resident-li')
  const liOpenid = runtime.login.openidOf('resident-li')
  const own = await zhang.call<MeAnswer>('evaluate', { action: 'me' })
  const asLi = await li.call<MeAnswer>('evaluate', { action: 'me' })
  const spoof = key === 'userInfo' ? { openId: liOpenid, appId: 'x' } : liOpenid

  const topLevel = await zhang.call<MeAnswer>('evaluate', { action: 'me', [key]: spoof })
  expect(topLevel).toEqual(own)
  expect(topLevel).not.toEqual(asLi)

  const inData = await zhang.call<MeAnswer>('evaluate', { action: 'me', data: { [key]: spoof } })
  expect(inData).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
})

test('without a platform identity the caller is refused, whatever the body claims', async () => {
  const answer = await evaluate({ action: 'me', userInfo: { openId: 'oSpoofed' }, openid: 'oSpoofed' }, functionContext('evaluate', undefined))
  expect(answer).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/身份/) } })
})

test('an unknown action and malformed input get stable codes and Chinese messages', async () => {
  const zhang = await signIn(runtime, 'resident-zhang')
  expect(await zhang.call('evaluate', { action: 'dropTables' })).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: expect.stringMatching(/操作不存在/) } })
  expect(await zhang.call('evaluate', { data: {} })).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/格式不正确/) } })
  expect(await zhang.call('evaluate', { action: 'me', data: { extra: 1 } })).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/未知的键/) } })
})
