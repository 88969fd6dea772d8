/**
 * 认定确认: a closed round's fired rules with their standing (拟认定 / 已认定 / 不予认定) and who
 * confirmed them; the supervising group confirms or sets aside (with a reason), the office above
 * approves or returns (with a reason); then 发起返工补课评议 where 返工补课 stands, and the extension
 * round where 活动延期 stands.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { RoundVerdicts, VerdictItem } from '../../../api/organize'
import type { VerdictAction } from '../../../core/verdictChain'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import { dashboardPaths } from '../../../services/links'
import Head from '../../components/Head'
import { useLiveReport } from '../../lib/useLiveReport'
import '../../dashboard.scss'

const ACTION_LABELS: Record<VerdictAction, string> = { confirm: '确认', 'set-aside': '不予认定', approve: '批准', return: '退回' }
const NEEDS_REASON: readonly VerdictAction[] = ['set-aside', 'return']

function Verdict({ item, onStep }: { item: VerdictItem; onStep: (item: VerdictItem, action: VerdictAction, reason: string) => Promise<string | null> }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const act = async (action: VerdictAction) => {
    if (NEEDS_REASON.includes(action) && !reason.trim()) return setError(`${ACTION_LABELS[action]}时请写明理由`)
    setBusy(true)
    setError(await onStep(item, action, reason))
    setBusy(false)
  }
  const { standing } = item
  return (
    <View className={`qp-card verdict verdict--${standing.state}`}>
      <View className='dash-target__head'>
        <Text className='dash-target__name'>{item.targetName}</Text>
        <Text className={`verdict__label verdict__label--${standing.state}`}>{standing.label}</Text>
      </View>
      <Text className='dash-verdict__name'>{`${item.ruleName}：${item.effects.join('、')}`}</Text>
      <Text className='dash-verdict__text'>{item.explanation}</Text>
      <Text className='verdict__standing'>{standing.words}</Text>
      {standing.steps.map((s, i) => (
        <Text key={i} className='dash-small'>{`${s.at.slice(0, 16).replace('T', ' ')} ${s.unitName}${s.role} ${ACTION_LABELS[s.action]}${s.reason ? `：${s.reason}` : ''}`}</Text>
      ))}
      {item.may.length > 0 && (
        <View className='verdict__actions'>
          <Textarea className='verdict__reason' value={reason} maxlength={500} placeholder={`理由（${item.may.filter((a) => NEEDS_REASON.includes(a)).map((a) => ACTION_LABELS[a]).join('、')}时必填）`} onInput={(e) => setReason(e.detail.value)} />
          {item.may.map((a) => (
            <Button key={a} className={`verdict-${a}`} type={NEEDS_REASON.includes(a) ? 'default' : 'primary'} size='small' loading={busy} disabled={busy} onClick={() => void act(a)}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
        </View>
      )}
      {error && <Text className='qp-error'>{error}</Text>}
    </View>
  )
}

function Redo({ data, onStarted }: { data: RoundVerdicts; onStarted: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const { redo } = data
  if (redo.targetIds.length === 0) return null
  const names = redo.targetIds.map((id) => data.verdicts.find((v) => v.targetId === id)?.targetName ?? id).join('、')
  const start = async () => {
    const now = new Date()
    const answer = await call('organize', 'startRedoRound', {
      roundId: data.roundId,
      title: `${data.title}（返工补课）`,
      window: { opensAt: now.toISOString(), closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString() },
    })
    if (answer.ok) onStarted()
    else setError(answer.error.message)
  }
  return (
    <View className='qp-card verdict-redo'>
      <Text className='qp-card__title'>返工补课</Text>
      <Text className='qp-muted'>{`已认定返工补课：${names}`}</Text>
      {redo.roundId ? (
        <Text className='dash-more' onClick={() => void Taro.navigateTo({ url: dashboardPaths.round(redo.roundId as string) })}>返工补课评议已发起，查看前后对比 ›</Text>
      ) : redo.mayStart ? (
        <Button type='primary' className='verdict-start-redo' onClick={() => void start()}>发起返工补课评议</Button>
      ) : (
        <Text className='qp-muted'>由本评议的组织员发起返工补课评议。</Text>
      )}
      {error && <Text className='qp-error'>{error}</Text>}
    </View>
  )
}

/** 活动延期: the extension round made for each target at the confirmation. */
function Extensions({ data }: { data: RoundVerdicts }) {
  if (data.extensions.length === 0) return null
  return (
    <View className='qp-card verdict-extensions'>
      <Text className='qp-card__title'>活动延期</Text>
      {data.extensions.map((x) => (
        <View key={x.targetId}>
          <Text className='qp-muted'>{`${x.targetName}：活动延期至${x.until.slice(0, 10)}，深入查摆整改；原评议结果已封存不变，延期评议另行计票。`}</Text>
          {x.roundId
            ? <Text className='dash-more' onClick={() => void Taro.navigateTo({ url: dashboardPaths.round(x.roundId as string) })}>查看延期评议（由组织员开放后开始评议）›</Text>
            : <Text className='qp-muted'>延期期限已过，没有发起延期评议。</Text>}
        </View>
      ))}
    </View>
  )
}

export default function VerdictsPage() {
  const roundId = useRouter().params.roundId ?? ''
  const { data, error, reload } = useLiveReport(() => call('organize', 'roundVerdicts', { roundId }), [roundId])

  if (error && !data) return <Screen><StatusScreen tone='stop' title='打不开认定确认' message={error.message} action={{ label: '重试', onClick: () => void reload() }} /></Screen>
  if (!data) return <Screen><Text className='dash-empty'>正在加载…</Text></Screen>

  const step = async (item: VerdictItem, action: VerdictAction, reason: string) => {
    const answer = await call('organize', 'stepVerdict', { roundId, targetId: item.targetId, ruleId: item.ruleId, action, seen: item.seen, ...(reason.trim() ? { reason } : {}) })
    if (!answer.ok) return answer.error.message
    await reload()
    return null
  }
  return (
    <Screen className='dash'>
      <Head title='认定确认' sub={data.title} />
      <View className='qp-card'>
        <Text className='qp-muted'>{`触发处理规定的认定为“拟认定”，${data.chain}；不予认定的保留满意率等数字，但不产生处理后果。`}</Text>
        {data.redoOf && <Text className='qp-muted'>{`本评议是“${data.redoOf.title}”的返工补课评议。`}</Text>}
        {data.extensionOf && <Text className='qp-muted'>{`本评议是“${data.extensionOf.title}”的延期评议。`}</Text>}
        {data.notice && <Text className='dash-alert'>{data.notice}</Text>}
      </View>
      {data.final && data.verdicts.length === 0 && <Text className='dash-empty'>本次评议没有触发处理规定的对象。</Text>}
      {data.verdicts.map((v) => <Verdict key={`${v.targetId}:${v.ruleId}`} item={v} onStep={step} />)}
      <Redo data={data} onStarted={() => void reload()} />
      <Extensions data={data} />
    </Screen>
  )
}
