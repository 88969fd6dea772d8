/**
 * @module 打印邀请码: the round's live roster codes as cut-out slips on A4, eight to a page, each
 * with the round's title, a mini-program code that opens the round with the code filled in, the code
 * in large type and how to use it. What a 督导组 hands out at the door.
 */
import { ownEntry } from '../../src/core'
import { a4Pdf, storedUrl } from '../common/print'
import type { Authority } from '../common/roles'
import { assertRosterApproved } from './rosterReview'
import { liveCodes } from './rosterSizes'
import { managedRound } from './rounds'
import { miniProgramCode, sceneFor } from './scenes'

const MARGIN = 24
const COLUMNS = 2
const ROWS = 4
const PAD = 14
const QR = 104

const HOW_TO = ['① 微信扫一扫左侧小程序码，点“确定”即可参加评议。', '② 或在“群评”小程序首页点“输入邀请码”，填写上方邀请码。']

export async function codeSlips(auth: Authority, roundId: string, unitId: string | undefined) {
  const doc = await managedRound(auth, roundId)
  await assertRosterApproved(doc)
  // Every person's code not voided, used or not (leaving used ones out would tell who voted); shared codes while uses are left.
  const codes = (await liveCodes(doc)).filter((i) => (i.name !== null || i.usesLeft > 0) && (unitId === undefined || i.unitId === unitId))
  const { pdf, done } = await a4Pdf({ title: `${doc.round.title} 邀请码`, margin: MARGIN })
  const width = (pdf.page.width - 2 * MARGIN) / COLUMNS
  const height = (pdf.page.height - 2 * MARGIN) / ROWS
  for (const [n, code] of codes.entries()) {
    const place = n % (COLUMNS * ROWS)
    if (n > 0 && place === 0) pdf.addPage()
    if (place === 0) cutLines(pdf, width, height)
    const x = MARGIN + (place % COLUMNS) * width + PAD
    const y = MARGIN + Math.floor(place / COLUMNS) * height + PAD
    const inner = width - 2 * PAD
    const scene = await sceneFor({ roundId, code: code._id })
    pdf.fillColor('#000').fontSize(11).text(doc.round.title, x, y, { width: inner, height: 30, ellipsis: true })
    pdf.image(await miniProgramCode(scene._id, 280), x, y + 34, { width: QR, height: QR })
    const right = x + QR + 12
    const rightWidth = inner - QR - 12
    pdf.fontSize(9).fillColor('#666').text('邀请码', right, y + 40, { width: rightWidth })
    pdf.fontSize(22).fillColor('#000').text(code._id, right, y + 54, { characterSpacing: 1, lineBreak: false })
    // Who the slip is for on a line of its own, the unit below: a long unit name wraps whole, never splitting off the name.
    const holder = code.name ?? `共用码 · 可用 ${code.usesLeft} 次`
    pdf.fontSize(10).fillColor('#000').text(holder, right, y + 92, { width: rightWidth, height: 14, ellipsis: true })
    pdf.fontSize(9).fillColor('#333').text(ownEntry(doc.unitNames, code.unitId) ?? code.unitId, right, y + 108, { width: rightWidth, height: 24, ellipsis: true })
    pdf.fontSize(8).fillColor('#333').text(HOW_TO.join('\n'), x, y + QR + 42, { width: inner, lineGap: 2 })
  }
  if (codes.length === 0) pdf.fontSize(12).text('没有可打印的邀请码：名单为空，或邀请码均已作废、共用码均已用完。')
  pdf.end()
  const suffix = unitId === undefined ? 'all' : 'unit'
  const { url } = await storedUrl(`code-slips/${roundId}/${suffix}-${Date.now()}.pdf`, await done)
  return { url, slips: codes.length }
}

/** Dashed lines between and around the slips, to cut along. */
function cutLines(pdf: PDFKit.PDFDocument, width: number, height: number) {
  pdf.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#999')
  for (let c = 0; c <= COLUMNS; c++) pdf.moveTo(MARGIN + c * width, MARGIN).lineTo(MARGIN + c * width, MARGIN + ROWS * height).stroke()
  for (let r = 0; r <= ROWS; r++) pdf.moveTo(MARGIN, MARGIN + r * height).lineTo(MARGIN + COLUMNS * width, MARGIN + r * height).stroke()
  pdf.restore()
}
