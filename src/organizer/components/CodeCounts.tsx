/** A round's roster codes by count per unit × category (issued, used, void; shared codes' uses), never by whom. */
import { Text, View } from '@tarojs/components'
import type { CodeCount } from '../../api/organize'

function figures(c: CodeCount): string {
  const persons = c.issued > 0 ? `名单码 发出 ${c.issued}　已用 ${c.used ?? '—'}　作废 ${c.void}` : ''
  const shared = c.sharedUsed + c.sharedLeft > 0 ? `共用码 已用 ${c.sharedUsed} 次　余 ${c.sharedLeft} 次` : ''
  return [persons, shared].filter(Boolean).join('\n')
}

export default function CodeCounts({ counts, k }: { counts: CodeCount[]; k: number }) {
  return (
    <View className='code-counts'>
      {counts.map((c) => (
        <View key={`${c.unitId}-${c.categoryId}`} className='org__row code-counts__row'>
          <Text className='org__label'>{`${c.unitName} · ${c.categoryName}`}</Text>
          <Text className='org__value'>{figures(c)}</Text>
        </View>
      ))}
      {counts.some((c) => c.used === null) && <Text className='qp-muted'>{`“—”：名单不足 ${k} 人的，不显示已用人数，以免推知是谁参评。`}</Text>}
      <Text className='qp-muted'>只统计数量，不显示谁用过邀请码。</Text>
    </View>
  )
}
