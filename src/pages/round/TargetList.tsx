/** The targets of the round for this resident: pick the ones to rate now; rated ones show 已评. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import type { Enrolment, RoundForResident } from '../../api/evaluate'
import TargetCard from './TargetCard'

interface Props {
  data: RoundForResident
  enrolment: Enrolment
  onRate: (targetIds: string[]) => void
}

export default function TargetList({ data, enrolment, onRate }: Props) {
  const receipts = useMemo(() => new Map(data.receipts.map((r) => [r.targetId, r])), [data.receipts])
  const open = useMemo(
    () => enrolment.eligibleTargetIds.filter((id) => !receipts.has(id)),
    [enrolment.eligibleTargetIds, receipts],
  )
  const [selected, setSelected] = useState<string[]>(open)
  useEffect(() => setSelected(open), [open])
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))
  const eligible = new Set(enrolment.eligibleTargetIds)

  return (
    <View>
      <View className='qp-card'>
        <Text className='qp-card__title'>评议对象</Text>
        <Text className='qp-muted'>
          您以“{enrolment.categoryName}”身份参评。{open.length > 0 ? '勾选要评议的对象，可一次评议多个。' : ''}
        </Text>
      </View>
      {data.targets.map((t) => (
        <TargetCard
          key={t.id}
          target={t}
          receipt={receipts.get(t.id)}
          eligible={eligible.has(t.id)}
          selected={selected.includes(t.id)}
          onToggle={() => toggle(t.id)}
        />
      ))}
      {open.length === 0 ? (
        <View className='qp-card round__done'>
          <Text className='qp-card__title'>您已完成本次评议</Text>
          <Text className='qp-muted'>每个对象只能评议一次，感谢您的参与。</Text>
        </View>
      ) : (
        <View className='qp-actions round__go'>
          <Button type='primary' size='xlarge' block disabled={selected.length === 0} onClick={() => onRate(open.filter((id) => selected.includes(id)))}>
            {selected.length === 0 ? '请先勾选评议对象' : `开始评议（${selected.length} 个）`}
          </Button>
        </View>
      )}
    </View>
  )
}
