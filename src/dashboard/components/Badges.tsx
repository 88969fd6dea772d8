/** Verdict badges (返工补课, 不称职, 整改, 基本称职 …), one colour per kind, and their legend. */
import { Text, View } from '@tarojs/components'
import type { Badge, BadgeKind } from '../../api/report'

export default function Badges({ badges, none }: { badges: Badge[]; none?: string }) {
  if (badges.length === 0) return none ? <Text className='dash-badge dash-badge--ok'>{none}</Text> : null
  return (
    <View className='dash-badges'>
      {badges.map((b) => <Text key={b.label} className={`dash-badge dash-badge--${b.kind}`}>{b.standing ? `${b.label}·${b.standing}` : b.label}</Text>)}
    </View>
  )
}

const VERDICTS: { kind: BadgeKind; label: string }[] = [
  { kind: 'redo', label: '返工补课' },
  { kind: 'unfit', label: '不称职' },
  { kind: 'rectify', label: '整改' },
  { kind: 'basic', label: '基本称职' },
]

/** The four verdict colours side by side, so a leader learns them once. */
export function BadgeLegend() {
  return (
    <View className='dash-legend'>
      <Text>认定结果：</Text>
      {VERDICTS.map((v) => <Text key={v.kind} className={`dash-badge dash-badge--${v.kind}`}>{v.label}</Text>)}
    </View>
  )
}
