/** @module Steps several weapp tests take the same way. */
import type { MiniProgram } from './harness'

export const DEMO_BRANCHES = ['幸福社区第一网格党支部', '幸福社区第二网格党支部', '幸福社区第三网格党支部', '幸福社区离退休党支部']

/** From the round page: start the ballot for every target, rate each 满意 overall (filling its items), and submit. */
export async function rateEveryBranch(mp: MiniProgram) {
  const count = DEMO_BRANCHES.length
  await mp.waitForText(`开始评议（${count} 个）`)
  mp.tap(`开始评议（${count} 个）`)
  for (let i = 0; i < count; i++) {
    await mp.waitForText(`第 ${i + 1} 个，共 ${count} 个${DEMO_BRANCHES[i]}`)
    mp.tap(/^满意$/)
    await mp.waitForText('都选“满意”')
    mp.tap(/都选“满意”/)
    await mp.waitForTextGone('都选“满意”')
    mp.tap(i + 1 < count ? '下一个' : '检查并提交')
  }
  await mp.waitForText(`共 ${count} 个对象，提交后不能修改`)
  mp.tap('确认提交')
  return mp.waitForText('回执编号')
}

export function expectClean(mp: MiniProgram) {
  expect(mp.errors).toEqual([])
  expect(mp.violations).toEqual([])
}
