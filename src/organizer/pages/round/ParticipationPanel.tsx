/** Live participation per target, category and channel, against expected counts and quotas. */
import { Text, View } from '@tarojs/components'
import type { Participation } from '../../../api/organize'

function Row({ name, count, expected, note }: { name: string; count: number; expected?: number | null; note?: string | null }) {
  const share = expected ? Math.min(1, count / expected) : null
  return (
    <View className='org__row participation__row'>
      <View className='org__label'>
        <Text>{name}</Text>
        {note && <Text className='qp-muted'>{`　${note}`}</Text>}
        {share !== null && (
          <View className='org__bar'>
            <View className='org__bar-fill' style={{ width: `${Math.round(share * 100)}%` }} />
          </View>
        )}
      </View>
      <Text className='org__value'>{expected ? `${count} / ${expected}` : `${count} 票`}</Text>
    </View>
  )
}

export default function ParticipationPanel({ data }: { data: Participation }) {
  return (
    <View className='qp-card participation'>
      <Text className='qp-card__title'>{`参与情况（共 ${data.ballots} 票）`}</Text>
      <Text className='org__field-label'>按评议对象</Text>
      {data.targets.map((t) => <Row key={t.id} name={t.name} count={t.ballots} expected={t.expected} />)}
      <Text className='org__field-label'>按参评人员类别</Text>
      {data.categories.map((c) => (
        <Row key={c.id} name={c.name} count={c.ballots} note={[c.expectedPerUnit ? `每单位应 ${c.expectedPerUnit} 人` : '', c.quota ?? ''].filter(Boolean).join('，')} />
      ))}
      {data.channels.length > 0 && <Text className='org__field-label'>按转发渠道</Text>}
      {data.channels.map((c) => <Row key={c.id} name={c.name} count={c.ballots} />)}
      {data.groupChats > 0 && <Text className='qp-muted'>{`来自 ${data.groupChats} 个微信群`}</Text>}
    </View>
  )
}
