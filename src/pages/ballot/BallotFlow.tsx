/** Fill (one target at a time) → review → submit with progress → receipt. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RoundForResident } from '../../api/evaluate'
import BallotSheet from './BallotSheet'
import ReceiptView from './ReceiptView'
import Review from './Review'
import { unanswered } from './sheet'
import { useBallots } from './useBallots'

interface Props {
  data: RoundForResident
  targetIds: string[]
  channel: string | undefined
  onBack: () => void
}

export default function BallotFlow({ data, targetIds, channel, onBack }: Props) {
  const { template } = data
  const b = useBallots(data.round.id, channel, targetIds)
  const [flagged, setFlagged] = useState(false)
  const nameOf = (id: string) => data.targets.find((t) => t.id === id)?.name ?? id
  const targets = b.pending.map((id) => ({ id, name: nameOf(id) }))

  if (b.step.kind === 'done') return <ReceiptView outcomes={b.outcomes} nameOf={nameOf} onBack={onBack} />

  if (b.step.kind === 'fill') {
    const { index } = b.step
    const id = b.pending[index]
    const missing = flagged ? unanswered(template, b.sheetOf(id)) : []
    const last = index === b.pending.length - 1
    const next = () => {
      if (unanswered(template, b.sheetOf(id)).length > 0) return setFlagged(true)
      setFlagged(false)
      b.setStep(last ? { kind: 'review' } : { kind: 'fill', index: index + 1 })
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
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
            {last ? '检查并提交' : '下一个'}
          </Button>
          {index > 0 && (
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
      <Review template={template} targets={targets} sheetOf={b.sheetOf} onEdit={(index) => { b.setStep({ kind: 'fill', index }); void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }) }} />
      <View className='qp-actions'>
        <Button type='primary' size='xlarge' block loading={submitting} disabled={submitting} onClick={() => void b.submit()}>
          {submitting ? '正在提交，请稍候…' : b.failure ? '重新提交' : '确认提交'}
        </Button>
      </View>
    </View>
  )
}
