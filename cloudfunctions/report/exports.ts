/** @module Exports to cloud storage, answered as temporary URLs: the Excel 统计表 and the PDF report. */
import type { ExportFile } from '../../src/api/report'
import { opinionsPage } from '../common/opinions'
import { storedUrl } from '../common/print'
import type { Authority } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { votersByCategory } from '../common/voters'
import { renderPdf } from './pdf'
import { fileName, type Printed, printed } from './printed'
import { workbook } from './workbook'

/** Stored under a fresh folder, so the file keeps the name a person reads and two exports never collide. */
async function upload(roundId: string, name: string, content: Buffer, now: Date): Promise<ExportFile> {
  const { url } = await storedUrl(`exports/${roundId}/${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}/${name}`, content)
  return { url, fileName: name }
}

/** Every opinion of the shown targets in one read each; withheld ones stay withheld. */
async function allOpinions({ results, round }: Printed) {
  const rows: { target: string; text: string }[] = []
  for (const t of results.targets) {
    const { items } = await opinionsPage(round, t.targetId, { basis: results.round.basis, counted: t.result.counted }, 1, Math.max(1, t.result.opinions))
    rows.push(...items.map((o) => ({ target: t.name, ...o })))
  }
  return rows
}

export async function exportRound(auth: Authority, roundId: string, { now }: HandlerContext): Promise<ExportFile> {
  const p = await printed(auth, roundId, undefined, now)
  // People per category are counted over the whole round: only for a caller who sees all of it.
  const people = p.results.targets.length === p.doc.round.targets.length ? await votersByCategory(roundId) : null
  const content = await workbook(p, people, await allOpinions(p))
  return upload(roundId, fileName([p.results.round.title, '统计表'], now, 'xlsx'), content, now)
}

export async function reportPdf(auth: Authority, roundId: string, targetId: string | undefined, { now }: HandlerContext): Promise<ExportFile> {
  const p = await printed(auth, roundId, targetId, now)
  const excerpts = new Map<string, string[]>()
  for (const t of p.results.targets) excerpts.set(t.targetId, (await opinionsPage(p.round, t.targetId, { basis: p.results.round.basis, counted: t.result.counted }, 1)).items.slice(0, 5).map((o) => o.text))
  const title = targetId ? [p.results.round.title, p.results.targets[0]?.name ?? '', '评议报告'] : [p.results.round.title, '评议报告']
  return upload(roundId, fileName(title, now, 'pdf'), await renderPdf(p, excerpts), now)
}
