/** 空白评价表: the seed's paper form (000 附件1) per target of a group, read back from the PDF as a person would. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Runtime } from '../../local/runtime'
import { templateById, templateItems } from '../../src/core'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

// Run from the sources, the PDF embeds from the system's CJK font collection: seconds on a shared machine.
jest.setTimeout(120_000)

let runtime: Runtime
let admin: Session
let roundId: string
let dir: string
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const unit = (id: string, name: string) => ({ id, name, kind: 'unit', unitId: id })

beforeAll(async () => {
  runtime = await startTestRuntime()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blank-forms-'))
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'st', name: '金水区', parentId: null, kind: 'district' })
  const units = [['ua', '金水区政府投资评审中心'], ['ub', '区档案局'], ['uc', '区统计局']]
  for (const [id, name] of units) await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'unit' })
  roundId = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'st', title: '三评一联群众评价',
    window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: units.map(([id, name]) => unit(id, name)),
    groups: [{ id: 'g3', name: '第三组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }, { id: 'g4', name: '第四组', leadUnitId: 'uc', unitIds: ['uc'] }],
  })).roundId
})
afterAll(async () => {
  await runtime.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a group\'s blank forms: one A4 page per unit, its name in the header, every item against 好 / 一般 / 差, and 填表说明', async () => {
  const { url, forms } = data(await organize<{ url: string; forms: number }>(admin, 'blankForms', { roundId, groupId: 'g3' }))
  expect(forms).toBe(2)
  const pdf = path.join(dir, 'forms.pdf')
  fs.writeFileSync(pdf, Buffer.from(await (await fetch(url)).arrayBuffer()))
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n[\s\S]*Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/)
  const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ''))
  const template = templateById('sanping-yilian')!.ballot
  for (const [i, name] of ['金水区政府投资评审中心', '区档案局'].entries()) {
    const page = pages[i]
    expect(page).toContain('第三组“学习教育、听取意见”环节群众评价表')
    expect(page).toContain(`单位名称：${name}`)
    for (const label of ['评价内容', '评价意见', '好', '一般', '差', '总体评价', '意见建议', '填表说明', '划“√”', '本表不记名', '漏选、多选或无法辨认的，本表作废票']) expect(page).toContain(label)
    for (const section of template.sections) {
      expect(page).toContain(section.title)
      section.items.forEach((item, n) => expect(page).toContain(`${n + 1}、${item.label}`.replace(/\s+/g, '')))
    }
    expect(templateItems(template)).toHaveLength(12)
  }
  // The other group's unit is not in this group's stack.
  expect(pages.join('')).not.toContain('区统计局')
  // Rendered as the printer would see it, for a person to look at (the test keeps no image).
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')])
  expect(fs.readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true)
})

test('the whole round prints every group in turn; an unknown group is refused', async () => {
  expect(data(await organize<{ forms: number }>(admin, 'blankForms', { roundId })).forms).toBe(3)
  expect(await organize(admin, 'blankForms', { roundId, groupId: 'nope' })).toEqual({ ok: false, error: { code: 'ROUND_INVALID', message: '评议活动设置不完整或有误：分组不存在' } })
})

test('002\'s twenty-item form for a 领导干部 fits one sheet, naming the person, their post and unit', async () => {
  const { roundId: cadres } = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'zhuti-cadre', ownerUnitId: 'st', title: '主题教育评估',
    window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: [{ id: 'p1', name: '王伟', kind: 'cadre', unitId: 'ub', position: '局长' }],
  }))
  const { url } = data(await organize<{ url: string }>(admin, 'blankForms', { roundId: cadres }))
  const pdf = path.join(dir, 'cadre.pdf')
  fs.writeFileSync(pdf, Buffer.from(await (await fetch(url)).arrayBuffer()))
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/)
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain('被评议人：王伟（局长）所在单位：区档案局')
  for (const label of ['好', '较好', '一般', '差', '填表说明']) expect(text).toContain(label)
})
