/**
 * @module 空白评价表: the round's ballot as the seed's paper form (000 附件1), one page per target of a
 * group — the group and form name as title, the unit's name in the header, 总体评价 and the items by
 * section against the scale's levels, a box for 意见建议, and the 填表说明 the 督导组 reads out. For the
 * meeting's paper and for anyone who cannot use WeChat.
 */
import { domainError, isPersonKind, ownEntry, type Round, type Target, templateItems } from '../../src/core'
import { a4Pdf, printable, storedUrl } from '../common/print'
import { refuse } from '../common/refuse'
import type { Authority } from '../common/roles'
import { managedRound } from './rounds'

const MARGIN = 42
const SECTION_WIDTH = 78
const LEVEL_WIDTH = 46
const PAD = 5
/** A row's least height; a long form (002: 20 items) gets tighter rows so it stays one sheet. */
const rowHeight = (items: number) => (items > 14 ? 18 : 22)
const OPINION_HEIGHT = 110
const MIN_OPINION = 50

const instructions = (round: Round, stamp?: Stamp) => [
  `1. 请在每项评价内容对应的评价意见栏内划“√”，每项只选一个等次（${round.template.scale.levels.map((l) => l.label).join('、')}）。`,
  stamp?.code
    ? '2. 请勿在表上填写姓名或作其他记号。表上的邀请码只用于保证每人只评一次：用本表评议后，这个邀请码不能再在网上使用。填写后交工作人员统一收回。'
    : '2. 本表不记名，请勿在表上填写姓名或作其他记号；填写后交工作人员统一收回。',
  // As paper is counted (core paper.ts): a sheet counts whole or not at all.
  '3. 总体评价和每一项都要选，且只选一个等次；有一项漏选、多选或无法辨认的，本表作废票；一项也未选的为空白票。废票、空白票不计入满意率。',
]

type Pdf = PDFKit.PDFDocument

function cell(pdf: Pdf, text: string, x: number, y: number, w: number, h: number, align: 'left' | 'center' = 'left') {
  pdf.rect(x, y, w, h).stroke()
  if (!text) return
  const textHeight = pdf.heightOfString(text, { width: w - 2 * PAD })
  pdf.text(text, x + PAD, y + (h - textHeight) / 2, { width: w - 2 * PAD, align })
}

/** What makes a printed form a paper ballot (see paper.ts): its serial, check code and roster code, printed top right. */
export interface Stamp {
  serial: string
  check: string
  code: string | null
}

export function form(pdf: Pdf, round: Round, target: Target, title: string, unitName: string, stamp?: Stamp) {
  const { template } = round
  const width = pdf.page.width - 2 * MARGIN
  const levels = template.scale.levels
  const itemWidth = width - SECTION_WIDTH - LEVEL_WIDTH * levels.length
  const levelX = MARGIN + SECTION_WIDTH + itemWidth
  const MIN_ROW = rowHeight(templateItems(template).length)
  let y = MARGIN
  pdf.fillColor('#000').lineWidth(0.8).strokeColor('#000')
  if (stamp) {
    const line = `编号 ${stamp.serial}　校验码 ${stamp.check}${stamp.code ? `　邀请码 ${stamp.code}` : ''}`
    pdf.fontSize(9.5).text(line, MARGIN, y - 22, { width, align: 'right' })
  }
  pdf.fontSize(15).text(printable(title), MARGIN, y, { width, align: 'center' })
  y = pdf.y + 10
  const who = isPersonKind(target.kind) ? `被评议人：${target.name}${target.position ? `（${target.position}）` : ''}　所在单位：${unitName}` : `单位名称：${target.name === unitName ? unitName : `${unitName} · ${target.name}`}`
  pdf.fontSize(11).text(printable(who), MARGIN, y, { width })
  y = pdf.y + 8

  pdf.fontSize(10.5)
  cell(pdf, '评价内容', MARGIN, y, SECTION_WIDTH + itemWidth, 2 * MIN_ROW, 'center')
  cell(pdf, '评价意见', levelX, y, LEVEL_WIDTH * levels.length, MIN_ROW, 'center')
  levels.forEach((l, i) => cell(pdf, l.label, levelX + i * LEVEL_WIDTH, y + MIN_ROW, LEVEL_WIDTH, MIN_ROW, 'center'))
  y += 2 * MIN_ROW
  const levelCells = (top: number, h: number) => levels.forEach((_l, i) => cell(pdf, '', levelX + i * LEVEL_WIDTH, top, LEVEL_WIDTH, h))
  cell(pdf, template.overall.label, MARGIN, y, SECTION_WIDTH + itemWidth, MIN_ROW, 'center')
  levelCells(y, MIN_ROW)
  y += MIN_ROW
  for (const section of template.sections) {
    const rows = section.items.map((item, i) => {
      const label = printable(`${i + 1}、${item.label}`)
      return { label, h: Math.max(MIN_ROW, pdf.heightOfString(label, { width: itemWidth - 2 * PAD }) + 6) }
    })
    const sectionHeight = rows.reduce((sum, r) => sum + r.h, 0)
    cell(pdf, printable(section.title), MARGIN, y, SECTION_WIDTH, sectionHeight, 'center')
    for (const r of rows) {
      cell(pdf, r.label, MARGIN + SECTION_WIDTH, y, itemWidth, r.h)
      levelCells(y, r.h)
      y += r.h
    }
  }
  const notes = instructions(round, stamp).join('\n')
  if (template.opinion.enabled) {
    // As much room as the page has left above the 填表说明, within reason: 002's twenty items still fit one sheet.
    const below = 48 + pdf.fontSize(9.5).heightOfString(notes, { width, lineGap: 2 })
    const height = Math.max(MIN_OPINION, Math.min(OPINION_HEIGHT, pdf.page.height - MARGIN - y - below))
    pdf.fontSize(10.5)
    cell(pdf, '', MARGIN, y, width, height)
    pdf.text('意见建议：', MARGIN + PAD, y + PAD)
    y += height
  }
  pdf.fontSize(10.5).text('填表说明', MARGIN, y + 12, { width })
  pdf.fontSize(9.5).text(notes, MARGIN, pdf.y + 4, { width, lineGap: 2 })
}

/** The form's title: its group's name before the form's, as the seed's 第一组“三评一联”群众评价表. */
export function formTitle(round: Round, target: Target): string {
  const group = round.groups.find((g) => g.unitIds.includes(target.unitId))
  return `${group?.name ?? ''}${round.template.name}`
}

/** Every target of the group (of the round, group by group, when none is named), one blank form each. */
export async function blankForms(auth: Authority, roundId: string, groupId: string | undefined) {
  const doc = await managedRound(auth, roundId)
  const { round } = doc
  const groups = groupId === undefined ? round.groups : round.groups.filter((g) => g.id === groupId)
  if (groupId !== undefined && groups.length === 0) refuse(domainError('ROUND_INVALID', '分组不存在'))
  const grouped = groups.flatMap((g) => round.targets.filter((t) => g.unitIds.includes(t.unitId)).map((t) => ({ t, title: formTitle(round, t) })))
  // Targets in no group still get a form when the whole round is asked for.
  const loose = groupId === undefined ? round.targets.filter((t) => !round.groups.some((g) => g.unitIds.includes(t.unitId))).map((t) => ({ t, title: formTitle(round, t) })) : []
  const forms = [...grouped, ...loose]
  const { pdf, done } = await a4Pdf({ title: `${round.title} 空白评价表`, margin: MARGIN })
  forms.forEach(({ t, title }, i) => {
    if (i > 0) pdf.addPage()
    form(pdf, round, t, title, ownEntry(doc.unitNames, t.unitId) ?? t.name)
  })
  if (forms.length === 0) pdf.fontSize(12).text('没有可打印的评价表：本轮评议（或所选分组）没有评议对象。')
  pdf.end()
  const { url } = await storedUrl(`blank-forms/${roundId}/${groupId ?? 'all'}-${Date.now()}.pdf`, await done)
  return { url, forms: forms.length }
}
