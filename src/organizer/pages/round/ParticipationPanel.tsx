/** Live participation per target, category and channel, against expected counts and quotas. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Participation } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import Field from '../../components/Field'
import { showSubtotals, showUnusable } from '../../../dashboard/lib/figures'

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
 * A round open to all residents has no roster to be measured against; an organiser enters the
 * community's households instead. The number is the round's, stored on the server: every organiser
 * and leader reads the same rate. A figure refreshed from the server replaces the field unless the
 * organiser is typing in it.
 */
function Households({ roundId, data, editable, onChanged }: { roundId: string; data: Participation; editable: boolean; onChanged: () => Promise<void> }) {
  const [typed, setTyped] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const shown = typed ?? (data.households ? String(data.households) : '')
  if (!editable) return data.households ? <View className='qp-muted'>{`应参评户数 ${data.households} 户（组织方填写）`}</View> : null
  const save = async () => {
    const r = await call('organize', 'setHouseholds', { roundId, households: Number(shown) || null })
    setError(r.ok ? null : r.error)
    if (r.ok) setTyped(null)
    await onChanged()
  }
  return (
    <View className='participation__households'>
      <Field label='应参评户数（选填，填辖区户数，用来计算参与率）' value={shown} placeholder='例如 1200' maxlength={7} onChange={(v) => setTyped(v.replace(/\D/g, ''))} />
      {typed !== null && (
        <View className='org__inline-actions'>
          <Button size='small' type='primary' onClick={() => void save()}>{shown ? '保存户数' : '清除户数'}</Button>
          <Button size='small' fill='outline' onClick={() => setTyped(null)}>取消</Button>
        </View>
      )}
      {error && <Text className='qp-error'>{error.message}</Text>}
    </View>
  )
}

interface Props {
  roundId: string
  data: Participation
  /** The households may be entered by whoever manages the round while it takes ballots. */
  editable: boolean
  onChanged: () => Promise<void>
}

export default function ParticipationPanel({ roundId, data, editable, onChanged }: Props) {
  const expected = data.expectedVoters
  return (
    <View className='qp-card participation'>
      <Text className='qp-card__title'>{data.voters === null ? `参与情况（共 ${data.ballots} 票）` : `参与情况（${data.voters} 人，共 ${data.ballots} 票）`}</Text>
      {data.voters !== null && (
        <Row name={!expected ? '参评人数' : data.takesHouseholds ? '参评人数 / 应参评户数' : '参评人数 / 应参评人数'} count={data.voters} expected={expected} unit='人' />
      )}
      {data.voters !== null && expected && <Text className='qp-muted'>{`参与率 ${Math.round((data.voters / expected) * 100)}%`}</Text>}
      {data.takesHouseholds && <Households roundId={roundId} data={data} editable={editable} onChanged={onChanged} />}
      <Text className='qp-muted participation__subtotals'>{`按参评方式：${showSubtotals(data)}`}</Text>
      <Text className='org__field-label'>按评议对象（每人对每个对象一票）</Text>
      {data.targets.map((t) => <Row key={t.id} name={t.name} count={t.ballots} expected={t.expected} note={t.spoiled + t.blank > 0 ? `另有废票 ${t.spoiled}、空白票 ${t.blank}` : null} />)}
      {showUnusable(data) && <Text className='qp-muted'>{showUnusable(data)}</Text>}
      <Text className='org__field-label'>按参评人员类别</Text>
      {data.categories.map((c) => (
        <Row key={c.id} name={c.name} count={c.ballots} note={[c.expectedPerUnit ? `每单位应 ${c.expectedPerUnit} 人` : '', c.quota ?? ''].filter(Boolean).join('，')} />
      ))}
      {data.channels.some((c) => c.kind === 'share') && <Text className='org__field-label'>按转发渠道</Text>}
      {data.channels.filter((c) => c.kind === 'share').map((c) => <Row key={c.id} name={c.name} count={c.ballots} />)}
      {data.groupChats > 0 && <Text className='qp-muted'>{`来自 ${data.groupChats} 个微信群`}</Text>}
    </View>
  )
}
