/** Rounds for tests, created and opened through the organise function as the admin persona. */
import { randomBytes } from 'node:crypto'
import type { Runtime } from '../../local/runtime'
import { inShanghai, templateItems, type BallotTemplate } from '../../src/core'
import { signIn } from './runtime'

type Answer<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

export const TARGETS = ['t1', 't2', 't3'].map((id, i) => ({ id, name: `第${i + 1}党支部`, kind: 'unit', unitId: id }))

/** A self-report per target, typed by the admin (so approved): what a 三评一联 round needs before it opens. */
export const SELF_REPORTS = Object.fromEntries(TARGETS.map((t) => [t.id, `${t.name}情况报告`]))

export const TEST_STREET = 'test-street'
const unitsCreated = new WeakSet<Runtime>()

/** A street with the three target units under it, created once per runtime. */
export async function ensureUnits(runtime: Runtime): Promise<void> {
  if (unitsCreated.has(runtime)) return
  unitsCreated.add(runtime)
  const admin = await signIn(runtime, 'admin')
  await admin.call('organize', { action: 'createUnit', data: { id: TEST_STREET, name: '测试街道', parentId: null, kind: 'street' } })
  for (const t of TARGETS) await admin.call('organize', { action: 'createUnit', data: { id: t.unitId, name: t.name, parentId: TEST_STREET, kind: 'branch' } })
}

export async function openRound(runtime: Runtime, overrides: Record<string, unknown> = {}, open = true): Promise<string> {
  await ensureUnits(runtime)
  const admin = await signIn(runtime, 'admin')
  const now = inShanghai(new Date())
  const id = `t${randomBytes(4).toString('hex')}`
  const created = await admin.call<Answer>('organize', {
    action: 'createRound',
    data: {
      id,
      templateId: 'community-satisfaction',
      ownerUnitId: TEST_STREET,
      title: '测试评议',
      window: { opensAt: now.subtract(1, 'hour').format(), closesAt: now.add(1, 'day').format() },
      targets: TARGETS,
      channels: [{ id: 'grid-1', name: '一网格群' }],
      ...overrides,
    },
  })
  if (!created.ok) throw new Error(created.error.message)
  if (open) {
    const opened = await admin.call<Answer>('organize', { action: 'openRound', data: { roundId: id } })
    if (!opened.ok) throw new Error(opened.error.message)
  }
  return id
}

/** A complete ballot rating everything on one level of the template's scale. */
export function fullBallot(template: BallotTemplate, targetId: string, levelIndex = 0, opinion?: string) {
  const level = template.scale.levels[levelIndex].id
  return { targetId, overall: level, items: Object.fromEntries(templateItems(template).map((i) => [i.id, level])), ...(opinion ? { opinion } : {}) }
}

export type { Answer }
