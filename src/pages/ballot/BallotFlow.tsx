/** Fill (one target at a time, or many persons in one list) → review → submit with progress → receipt. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RoundForResident } from '../../api/evaluate'
import { isPersonKind } from '../../core/personKinds'
import BallotSheet from './BallotSheet'
import ReceiptView from './ReceiptView'
import QuickList from './QuickList'
import Review from './Review'
import { fillItems, unanswered } from './sheet'
import { useBallots } from './useBallots'

interface Props {
  data: RoundForResident
  targetIds: string[]
  channel: string | undefined
  onBack: () => void
}

export default function BallotFlow({ data, targetIds, channel, onBack }: Props) {
  const { template } = data
  const quick = targetIds.length > 1 && targetIds.every((id) => isPersonKind(data.targets.find((t) => t.id === id)?.kind ?? 'unit'))
  const b = useBallots(data.round.id, channel, targetIds, quick)
  const [flagged, setFlagged] = useState(false)
  const nameOf = (id: string) => {
    const t = data.targets.find((x) => x.id === id)
    return t ? `${t.name}${t.position ? ` · ${t.position}` : ''}` : id
  }
  const targets = b.pending.map((id) => ({ id, name: nameOf(id) }))
  const top = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })

  if (b.step.kind === 'done') return <ReceiptView outcomes={b.outcomes} nameOf={nameOf} onBack={onBack} />

  if (b.step.kind === 'list') {
    const review = () => {
      if (b.pending.some((id) => !b.sheetOf(id).overall)) return setFlagged(true)
      setFlagged(false)
      for (const id of b.pending) b.setSheet(id, fillItems(template, b.sheetOf(id)))
      b.setStep({ kind: 'review' })
      top()
    }
    const missing = flagged ? b.pending.filter((id) => !b.sheetOf(id).overall) : []
    return <QuickList data={data} pending={b.pending} sheetOf={b.sheetOf} setSheet={b.setSheet} refusals={b.refusals} missing={missing} onDetails={(index) => { setFlagged(false); b.setStep({ kind: 'fill', index }); top() }} onReview={review} />
  }

  if (b.step.kind === 'fill') {
    const { index } = b.step
    const id = b.pending[index]
    const missing = flagged ? unanswered(template, b.sheetOf(id)) : []
    const last = index === b.pending.length - 1
    const next = () => {
      // Back to the list, the items left open follow the overall rating, as in the list itself.
      const sheet = quick ? fillItems(template, b.sheetOf(id)) : b.sheetOf(id)
      b.setSheet(id, sheet)
      if (unanswered(template, sheet).length > 0) return setFlagged(true)
      setFlagged(false)
      b.setStep(quick ? { kind: 'list' } : last ? { kind: 'review' } : { kind: 'fill', index: index + 1 })
      top()
    }
    return (
      <View>
        <View className='ballot__head'>
          <Text className='ballot__progress'>{b.pending.length > 1 ? `第 ${index + 1} 个，共 ${b.pending.length} 个` : '评议对象'}</Text>
          <Text className='ballot__target'>{nameOf(id)}</Text>
        </View>
        {b.outcomes.length > 0 && <Text className='qp-error'>已提交 {b.outcomes.length} 个对象，其余的需要修改后再提交。</Text>}
        {b.refusals[id] && <Text className='qp-error'>{b.refusals[id]}</Text>}
        <BallotSheet template={template} sheet={b.sheetOf(id)} onChange={(s) => b.setSheet(id, s)} missing={missing} refusal={b.refusals[id]} />
        {missing.length > 0 && <Text className='qp-error'>还有 {missing.length} 项没有选择，已用红色标出。</Text>}
        <View className='qp-actions'>
          <Button type='primary' size='xlarge' block onClick={next}>
            {quick ? '回到名单' : last ? '检查并提交' : '下一个'}
          </Button>
          {index > 0 && !quick && (
            <Button size='xlarge' block onClick={() => b.setStep({ kind: 'fill', index: index - 1 })}>
              上一个
            </Button>
          )}
        </View>
      </View>
    )
  }

  const submitting = b.step.kind === 'submitting'
  return (
    <View>
      <View className='ballot__head'>
        <Text className='ballot__progress'>请核对您的评价</Text>
        <Text className='ballot__target'>共 {targets.length} 个对象，提交后不能修改</Text>
      </View>
      {b.failure && <Text className='qp-error'>{b.failure.message}</Text>}
      <Review template={template} targets={targets} sheetOf={b.sheetOf} onEdit={(index) => { b.setStep({ kind: 'fill', index }); top() }} />
      <View className='qp-actions'>
        <Button type='primary' size='xlarge' block loading={submitting} disabled={submitting} onClick={() => void b.submit()}>
          {submitting ? '正在提交，请稍候…' : b.failure ? '重新提交' : '确认提交'}
        </Button>
      </View>
    </View>
  )
}
