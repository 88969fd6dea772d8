/** One target: its name, its self-report (folded), and either 已评 with the receipt code or a checkbox. */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Receipt, RoundForResident } from '../../api/evaluate'

type Target = RoundForResident['targets'][number]

interface Props {
  target: Target
  receipt: Receipt | undefined
  eligible: boolean
  selected: boolean
  onToggle: () => void
}

export default function TargetCard({ target, receipt, eligible, selected, onToggle }: Props) {
  const [open, setOpen] = useState(false)
  const selectable = eligible && !receipt
  return (
    <View className={`target${selected ? ' target--on' : ''}`}>
      <View className='target__head' onClick={selectable ? onToggle : undefined} role={selectable ? 'checkbox' : undefined} aria-checked={selectable ? selected : undefined}>
        <Text className='target__name'>
          {target.name}
          {target.position && <Text className='target__position'>{` · ${target.position}`}</Text>}
        </Text>
        {receipt && <Text className='target__badge target__badge--done'>已评</Text>}
        {!receipt && !eligible && <Text className='target__badge'>不在您的评议范围</Text>}
        {selectable && <View className={selected ? 'target__check target__check--on' : 'target__check'}>{selected ? '✓' : ''}</View>}
      </View>
      {receipt && <Text className='target__receipt'>回执编号 {receipt.code}</Text>}
      {target.report && (
        <View className='target__report'>
          <Text className={open ? 'target__report-text' : 'target__report-text target__report-text--folded'}>{target.report}</Text>
          <Text className='target__more' onClick={() => setOpen(!open)}>
            {open ? '收起工作报告' : '查看工作报告'}
          </Text>
        </View>
      )}
    </View>
  )
}
