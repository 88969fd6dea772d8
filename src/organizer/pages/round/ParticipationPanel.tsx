/** Live participation per target, category and channel, against expected counts and quotas. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Participation } from '../../../api/organize'
import Field from '../../components/Field'

function Row({ name, count, expected, note, unit = '票' }: { name: string; count: number; expected?: number | null; note?: string | null; unit?: string }) {
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
      <Text className='org__value'>{expected ? `${count} / ${expected}` : `${count} ${unit}`}</Text>
    </View>
  )
}

/**
 * A community round open to all has no roster to be measured against; the organiser may type the
 * number of households instead. It is a reading aid on this phone only, so it is kept here.
 */
function useHouseholds(roundId: string) {
  const key = `qp-households-${roundId}`
  const [text, setText] = useState<string>(() => String(Taro.getStorageSync(key) || ''))
  const change = (value: string) => {
    const digits = value.replace(/\D/g, '').slice(0, 7)
    setText(digits)
    Taro.setStorageSync(key, digits)
  }
  return { households: Number(text) || null, text, change }
}

interface Props {
  roundId: string
  data: Participation
  /** Households can be entered while the round takes ballots. */
  open: boolean
}

export default function ParticipationPanel({ roundId, data, open }: Props) {
  const { households, text, change } = useHouseholds(roundId)
  const expected = data.expectedVoters ?? households
  return (
    <View className='qp-card participation'>
      <Text className='qp-card__title'>{data.voters === null ? `参与情况（共 ${data.ballots} 票）` : `参与情况（${data.voters} 人，共 ${data.ballots} 票）`}</Text>
      {data.voters !== null && (
        <Row name={data.expectedVoters ? '参评人数 / 应参评人数' : expected ? '参评人数 / 户数' : '参评人数'} count={data.voters} expected={expected} unit='人' />
      )}
      {data.voters !== null && expected && <Text className='qp-muted'>{`参与率 ${Math.round((data.voters / expected) * 100)}%`}</Text>}
      {data.expectedVoters === null && open && (
        <Field label='辖区户数（选填，用来计算参与率）' value={text} placeholder='例如 1200' maxlength={7} onChange={change} />
      )}
      <Text className='org__field-label'>按评议对象（每人对每个对象一票）</Text>
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
