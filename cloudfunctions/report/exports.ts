/** @module Exports to cloud storage, answered as temporary URLs: the Excel 统计表 and the per-unit PDF report. */
import ExcelJS from 'exceljs'
import type { ExportFile, RoundResults } from '../../src/api/report'
import { categoryName } from '../../src/core'
import { opinionsPage } from '../common/opinions'
import { storedUrl } from '../common/print'
import { roundFigures } from '../common/results'
import type { Authority } from '../common/roles'
import { loadRound } from '../common/rounds'
import type { HandlerContext } from '../common/router'
import { ANY_ROLE, visibleTarget, visibleTargets } from './access'
import { renderPdf } from './pdf'
import { roundResults } from './views'

async function upload(folder: string, fileName: string, content: Buffer): Promise<ExportFile> {
  const { url } = await storedUrl(`${folder}/${Date.now()}-${fileName}`, content)
  return { url, fileName }
}

const pct = (p: number | null) => (p === null ? '' : p)
const verdictText = (t: RoundResults['targets'][number]) => t.result.verdicts.verdicts.map((v) => v.ruleName).join('；')

/** Every opinion of the shown targets in one read each; withheld ones stay withheld. */
async function allOpinions(results: RoundResults, round: Parameters<typeof opinionsPage>[0]) {
  const rows: { target: string; text: string }[] = []
  for (const t of results.targets) {
    const { items } = await opinionsPage(round, t.targetId, t.result.ballots, 1, Math.max(1, t.result.opinions))
    rows.push(...items.map((o) => ({ target: t.name, ...o })))
  }
  return rows
}

export async function exportRound(auth: Authority, roundId: string, { now }: HandlerContext): Promise<ExportFile> {
  const doc = await loadRound(roundId, { auth, allowed: ANY_ROLE })
  const shown = visibleTargets(auth, doc)
  const figures = await roundFigures(doc, now)
  const results = roundResults(doc, figures, shown)
  const { legend } = results
  const book = new ExcelJS.Workbook()
  book.title = `${doc.round.title} 统计表`

  const summary = book.addWorksheet('汇总')
  summary.columns = [
    { header: '评议对象', key: 'name', width: 24 }, { header: '所属单位', key: 'unit', width: 18 },
    { header: '评议票数', key: 'ballots', width: 10 }, { header: '有效票数', key: 'valid', width: 10 },
    { header: '满意率(%)', key: 'satisfaction', width: 10 }, { header: '好评率(%)', key: 'good', width: 10 },
    { header: '不满意率(%)', key: 'dissatisfied', width: 11 }, { header: '平均分', key: 'mean', width: 8 },
    { header: '排名', key: 'rank', width: 6 }, { header: '处理规定', key: 'verdicts', width: 40 }, { header: '状态', key: 'status', width: 10 },
  ]
  for (const t of results.targets) {
    const h = t.result.headline
    summary.addRow({
      name: t.name, unit: t.unitName, ballots: t.result.ballots, valid: h.valid, satisfaction: pct(h.satisfaction.percent), good: pct(h.good.percent),
      dissatisfied: pct(h.dissatisfied.percent), mean: h.meanScore.value ?? '', rank: t.rankInRound ?? '', verdicts: verdictText(t),
      status: t.result.status === 'final' ? '最终' : '暂定',
    })
  }

  const levels = book.addWorksheet('各项等次')
  levels.columns = [{ header: '评议对象', key: 'name', width: 24 }, { header: '评议内容', key: 'item', width: 30 }, ...legend.levels.map((l) => ({ header: l.label, key: `l:${l.id}`, width: 10 }))]
  const items = [{ id: null, label: legend.overallLabel }, ...legend.sections.flatMap((s) => s.items)]
  for (const t of results.targets) {
    for (const item of items) {
      const tally = item.id === null ? figures.byTarget.get(t.targetId)?.counters.overall : figures.byTarget.get(t.targetId)?.counters.items[item.id]
      levels.addRow({ name: t.name, item: item.label, ...Object.fromEntries(legend.levels.map((l) => [`l:${l.id}`, tally?.[l.id] ?? 0])) })
    }
  }

  const categories = book.addWorksheet('分类')
  categories.columns = [
    { header: '评议对象', key: 'name', width: 24 }, { header: '参评人员类别', key: 'category', width: 20 }, { header: '票数', key: 'ballots', width: 8 },
    { header: '满意率(%)', key: 'satisfaction', width: 10 }, { header: '说明', key: 'note', width: 40 },
  ]
  for (const t of results.targets) {
    for (const c of t.result.categories) {
      const name = categoryName(legend, c.categoryId)
      categories.addRow(c.suppressed
        ? { name: t.name, category: name, ballots: '', satisfaction: '', note: c.reason }
        : { name: t.name, category: name, ballots: c.ballots, satisfaction: pct(c.overall.satisfaction.percent), note: '' })
    }
  }

  const turnout = book.addWorksheet('参评情况')
  turnout.columns = [{ header: '项目', key: 'what', width: 30 }, { header: '票数', key: 'ballots', width: 10 }, { header: '应参评', key: 'expected', width: 10 }]
  for (const t of results.participation.targets) turnout.addRow({ what: `评议对象：${t.name}`, ballots: t.ballots, expected: t.expected ?? '' })
  for (const c of results.participation.categories) turnout.addRow({ what: `类别：${c.name}`, ballots: c.ballots, expected: c.expectedPerUnit ?? '' })
  for (const ch of results.participation.channels) turnout.addRow({ what: `渠道：${ch.name}`, ballots: ch.ballots, expected: '' })
  turnout.addRow({ what: '来自群聊数', ballots: results.participation.groupChats, expected: '' })

  const opinions = book.addWorksheet('意见建议')
  opinions.columns = [{ header: '评议对象', key: 'target', width: 24 }, { header: '意见建议', key: 'text', width: 80 }]
  for (const row of await allOpinions(results, figures.round)) opinions.addRow(row)

  return upload(`exports/${roundId}`, `${doc.round.title}-统计表.xlsx`, Buffer.from(await book.xlsx.writeBuffer()))
}

export async function reportPdf(auth: Authority, roundId: string, targetId: string | undefined, { now }: HandlerContext): Promise<ExportFile> {
  const doc = await loadRound(roundId, { auth, allowed: ANY_ROLE })
  const shown = targetId ? [visibleTarget(auth, doc, targetId)] : visibleTargets(auth, doc)
  const figures = await roundFigures(doc, now)
  const results = roundResults(doc, figures, shown)
  const excerpts = new Map<string, string[]>()
  for (const t of results.targets) excerpts.set(t.targetId, (await opinionsPage(figures.round, t.targetId, t.result.ballots, 1)).items.slice(0, 5).map((o) => o.text))
  const name = targetId ? `${doc.round.title}-${shown[0]?.name}-评议报告.pdf` : `${doc.round.title}-评议报告.pdf`
  return upload(`exports/${roundId}`, name, await renderPdf(results, excerpts, (id) => figures.byTarget.get(id)?.counters))
}
