/**
 * @module What `npm start` prints on every start, not only the first: the demo round's share link
 * per grid chat and the 三评一联 codes that still have uses, read back through the organise
 * function as the admin persona (so the lines are true for the data as it is now).
 */
import { DEMO_ROUND_ID, DEMO_SANPING_ID } from './demo'
import { type FunctionMain, functionContext } from './gateway'

interface Round { title: string; channels: { id: string; name: string }[]; categories: { id: string; name: string }[] }
interface Codes { codes: { code: string; unitId: string; categoryId: string; usesLeft: number }[] }
interface Units { units: { id: string; name: string }[] }

export async function demoGuide(organize: FunctionMain, adminOpenid: string, url: string): Promise<string[]> {
  const call = async <T>(action: string, data: unknown): Promise<T | null> => {
    const answer = (await organize({ action, data }, functionContext('organize', adminOpenid))) as { ok: boolean; data: T }
    return answer.ok ? answer.data : null
  }
  const [community, sanping, codes, units] = await Promise.all([
    call<Round>('getRound', { roundId: DEMO_ROUND_ID }),
    call<Round>('getRound', { roundId: DEMO_SANPING_ID }),
    call<Codes>('listCodes', { roundId: DEMO_SANPING_ID }),
    call<Units>('myUnits', {}),
  ])
  const lines: string[] = []
  if (community) {
    lines.push(`演示评议“${community.title}”的网格转发链接：`)
    for (const c of community.channels) lines.push(`  ${c.name}：${url}/#/pages/round/index?roundId=${DEMO_ROUND_ID}&channel=${c.id}`)
  }
  if (sanping && codes && units) {
    const unitName = (id: string) => units.units.find((u) => u.id === id)?.name ?? id
    const categoryName = (id: string) => sanping.categories.find((c) => c.id === id)?.name ?? id
    const usable = codes.codes.filter((c) => c.usesLeft > 0).slice(0, 4)
    if (usable.length > 0) lines.push(`演示评议“${sanping.title}”凭邀请码参评，可用的邀请码（首页“输入邀请码”）：`)
    for (const c of usable) lines.push(`  ${unitName(c.unitId)} · ${categoryName(c.categoryId)}：${c.code}（还可用 ${c.usesLeft} 次）`)
  }
  return lines
}
