/** @module The 整改台账 as an Excel sheet, in the ledger's own columns, from the same view the page shows. */
import type { LedgerItem } from '../../../src/api/ledger'
import { formatShanghai, inShanghai } from '../../../src/core'
import { randomBytes } from 'node:crypto'
import { newWorkbook } from '../../common/excel'
import { storedUrl } from '../../common/print'
import type { Authority } from '../../common/roles'
import { ledger, type LedgerFilter } from './read'

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '问题', key: 'problem', width: 40 },
  { header: '来源', key: 'source', width: 10 },
  { header: '责任单位', key: 'unit', width: 16 },
  { header: '责任人', key: 'owner', width: 10 },
  { header: '整改措施', key: 'measures', width: 40 },
  { header: '时限', key: 'deadline', width: 12 },
  { header: '状态', key: 'state', width: 8 },
  { header: '进展', key: 'progress', width: 50 },
  { header: '销号日期', key: 'verified', width: 12 },
]

const day = (at: string) => inShanghai(at).format('YYYY-MM-DD')

/** Progress in the order it happened: each note with its date, the way a paper 台账 is kept. */
const progressOf = (item: LedgerItem) =>
  item.events.filter((e) => e.note && e.type !== 'verify').map((e) => `${formatShanghai(e.at).slice(0, 10)} ${e.note}`).join('\n')

export async function ledgerSheet(auth: Authority, filter: LedgerFilter, openid: string, now: Date): Promise<{ url: string; fileName: string; rows: number }> {
  const { items } = await ledger(auth, filter, openid, now)
  const workbook = await newWorkbook()
  workbook.title = '整改台账'
  const sheet = workbook.addWorksheet('整改台账', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = COLUMNS
  sheet.getRow(1).font = { bold: true }
  items.forEach((item, i) => {
    const row = sheet.addRow({
      n: i + 1, problem: item.problem, source: item.source, unit: item.ownerUnitName, owner: item.ownerName, measures: item.responsibility,
      deadline: `${day(item.deadline)}${item.urgent ? '（立行立改）' : ''}`, state: item.publicState, progress: progressOf(item), verified: item.verifiedAt ? day(item.verifiedAt) : '',
    })
    row.alignment = { wrapText: true, vertical: 'top' }
  })
  const name = `整改台账-${day(now.toISOString())}.xlsx`
  // A folder of its own keeps the name a person would give the file (评议导出 does the same).
  const { url } = await storedUrl(`ledger-sheets/${randomBytes(8).toString('hex')}/${name}`, Buffer.from(await workbook.xlsx.writeBuffer()))
  return { url, fileName: name, rows: items.length }
}
