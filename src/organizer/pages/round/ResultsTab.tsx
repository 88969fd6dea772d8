/**
 * The round page's 结果 tab: the dashboard's results view of this round (kept fresh while open)
 * and the two exports, the Excel 统计表 and the PDF report. Its charts open in the dashboard's round
 * page, so ECharts is bundled once, in the dashboard subpackage.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '../../../api/result'
import RoundResultsView from '../../../dashboard/components/RoundResultsView'
import { useLiveReport } from '../../../dashboard/lib/useLiveReport'
import { call } from '../../../services/api'
import { openExport } from '../../../services/exportFile'
import { dashboardPaths } from '../../../services/links'
import '../../../dashboard/dashboard.scss'
import { ledgerPaths } from '../../lib/ledger'

const EXPORTS = {
  excel: { label: '导出 Excel 统计表', run: (roundId: string) => call('report', 'exportRound', { roundId }) },
  pdf: { label: '导出 PDF 报告', run: (roundId: string) => call('report', 'reportPdf', { roundId }) },
} as const

export default function ResultsTab({ roundId }: { roundId: string }) {
  const { data, error } = useLiveReport(() => call('report', 'roundResults', { roundId }), [roundId])
  const [busy, setBusy] = useState<keyof typeof EXPORTS | null>(null)
  const [exportError, setExportError] = useState<ApiError | null>(null)

  const exportAs = async (kind: keyof typeof EXPORTS) => {
    setBusy(kind)
    const res = await EXPORTS[kind].run(roundId)
    setExportError(res.ok ? null : res.error)
    if (res.ok) {
      try {
        await openExport(res.data)
      } catch {
        setExportError({ code: 'DOWNLOAD_FAILED', message: '文件下载失败，请检查网络后重试' })
      }
    }
    setBusy(null)
  }

  if (error && !data) return <Text className='qp-error'>{error.message}</Text>
  if (!data) return <Text className='dash-empty'>正在加载结果…</Text>
  return (
    <View className='results-tab'>
      <View className='dash-exports'>
        {(Object.keys(EXPORTS) as (keyof typeof EXPORTS)[]).map((kind) => (
          <Button key={kind} className={`export-${kind}`} fill='outline' loading={busy === kind} disabled={busy !== null} onClick={() => void exportAs(kind)}>
            {EXPORTS[kind].label}
          </Button>
        ))}
      </View>
      {exportError && <Text className='qp-error'>{exportError.message}</Text>}
      <RoundResultsView
        data={data}
        charts={(
          <View className='qp-card dash-open-charts' onClick={() => void Taro.navigateTo({ url: dashboardPaths.round(roundId) })}>
            <Text className='dash-more'>查看图表：满意率、等次分布、参评人数 ›</Text>
          </View>
        )}
        onTarget={(targetId) => void Taro.navigateTo({ url: dashboardPaths.target(roundId, targetId) })}
      />
      {data.targets.length > 0 && (
        <View className='qp-card ledger-entry'>
          <Text className='qp-card__title'>整改台账</Text>
          <Text className='dash-more' onClick={() => void Taro.navigateTo({ url: ledgerPaths.book(roundId) })}>查看本次评议的整改台账 ›</Text>
          {data.targets.map((t) => (
            <Text key={t.targetId} className='dash-more ledger-entry__target' onClick={() => void Taro.navigateTo({ url: ledgerPaths.register(roundId, t.targetId) })}>
              {`为「${t.name}」登记整改事项${t.badges.length ? `（${t.badges.map((b) => b.label).join('、')}）` : ''} ›`}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
