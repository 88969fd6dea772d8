/** A round's roster codes by count per unit × category (issued, used, void; shared codes' uses), never by whom. */
import { Text, View } from '@tarojs/components'
import type { CodeCount } from '../../api/organize'

function figures(c: CodeCount): string {
  const persons = c.issued > 0 ? `名单码：发出 ${c.issued}　已用 ${c.used ?? '—'}　作废 ${c.void}` : ''
  const shared = c.sharedUsed + c.sharedLeft > 0 ? `共用码：已用 ${c.sharedUsed} 次　余 ${c.sharedLeft} 次` : ''
  return [persons, shared].filter(Boolean).join('\n')
}

export default function CodeCounts({ counts, k }: { counts: CodeCount[]; k: number }) {
  const withheld = counts.some((c) => c.used === null)
  return (
    <View className='code-counts'>
      <Text className='org__field-label'>使用情况</Text>
      {counts.map((c) => (
        <View key={`${c.unitId}-${c.categoryId}`} className='code-counts__row'>
          <Text className='code-counts__place'>{`${c.unitName} · ${c.categoryName}`}</Text>
          <Text className='code-counts__figures'>{figures(c)}</Text>
        </View>
      ))}
      <Text className='code-counts__note qp-muted'>
        {`只统计数量，不显示谁用过邀请码${withheld ? `；“—”表示名单不足 ${k} 人，不显示已用人数，以免推知是谁参评` : ''}。`}
      </Text>
    </View>
  )
}
