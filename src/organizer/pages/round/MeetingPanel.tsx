/**
 * 会场模式: an open round's meeting sessions — one group's meeting (000) or one batch (004) with its
 * own QR link, window and 结束测评 — and the way to each session's big screen (H5 only).
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import type { SessionStatus } from '../../../core'
import { call } from '../../../services/api'
import Field from '../../components/Field'
import { meetingScreenPath } from '../../lib/paths'
import { useLoad } from '../../lib/useLoad'
import { nowLocal, parseLocal, showLocal } from '../../lib/window'

const isH5 = process.env.TARO_ENV === 'h5'
const STATUS: Record<SessionStatus, string> = { 'not-yet-open': '未开始', open: '进行中', ended: '已结束' }

/** Three hours from now, or the round's end if that comes first. */
function defaultEnd(round: RoundDetail): string {
  const later = nowLocal(3)
  const roundEnd = showLocal(new Date(Date.parse(round.window.closesAt) + 8 * 3_600_000).toISOString())
  return roundEnd < later ? roundEnd : later
}

export default function MeetingPanel({ round, onChanged }: { round: RoundDetail; onChanged: () => Promise<void> }) {
  const sessions = useLoad(() => call('organize', 'listSessions', { roundId: round.id }), [round.id])
  const [name, setName] = useState('')
  const [groupId, setGroupId] = useState<string | null>(round.groups[0]?.id ?? null)
  const [opensAt, setOpensAt] = useState(nowLocal())
  const [closesAt, setClosesAt] = useState(defaultEnd(round))
  const [error, setError] = useState<ApiError | null>(null)
  const window = { opensAt: parseLocal(opensAt), closesAt: parseLocal(closesAt) }

  const open = async () => {
    if (!window.opensAt || !window.closesAt) return
    const res = await call('organize', 'openSession', { roundId: round.id, name: name.trim(), groupId, opensAt: window.opensAt, closesAt: window.closesAt })
    setError(res.ok ? null : res.error)
    if (res.ok) setName('')
    // The session's channel joins the round's: the share and participation panels list it too.
    await Promise.all([sessions.reload(), onChanged()])
  }

  return (
    <View className='qp-card meeting'>
      <Text className='qp-card__title'>会场模式</Text>
      <Text className='qp-muted'>集中测评时开设会场：大屏显示二维码，参评人员扫码、输入邀请码后评价；大屏实时显示各类人员提交人数，结束测评后本场不再接受评价。</Text>
      {sessions.data?.sessions.map((s) => (
        <View key={s.id} className='meeting__session'>
          <Text className='share__name'>{`${s.name}${s.groupName ? `（${s.groupName}）` : ''} · ${STATUS[s.status]}`}</Text>
          <Text className='qp-muted'>{`${showLocal(s.opensAt)} 至 ${showLocal(s.closesAt)}`}</Text>
          {isH5 ? (
            <Button size='small' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: meetingScreenPath(round.id, s.id) })}>打开大屏</Button>
          ) : (
            <Text className='qp-muted'>会场大屏请在连接投影的电脑浏览器中打开本评议，在会场模式中点“打开大屏”。</Text>
          )}
        </View>
      ))}
      {round.state === 'open' && (
        <View>
          <Field label='会场名称' value={name} placeholder='例如：第一组集中测评' onChange={setName} />
          {round.groups.length > 0 && (
            <View className='org__inline-actions meeting__groups'>
              {round.groups.map((g) => (
                <Button key={g.id} size='small' type={groupId === g.id ? 'primary' : 'default'} onClick={() => setGroupId(g.id)}>{g.name}</Button>
              ))}
              <Button size='small' type={groupId === null ? 'primary' : 'default'} onClick={() => setGroupId(null)}>全部对象</Button>
            </View>
          )}
          <Field label='开始时间' value={opensAt} placeholder='2026-12-05 09:00' onChange={setOpensAt} />
          <Field label='结束时间' value={closesAt} placeholder='2026-12-05 12:00' onChange={setClosesAt} />
          <View className='org__inline-actions'>
            <Button size='small' type='primary' disabled={!name.trim() || !window.opensAt || !window.closesAt} onClick={() => void open()}>开设会场</Button>
          </View>
        </View>
      )}
      {(error ?? sessions.error) && <Text className='qp-error'>{(error ?? sessions.error)?.message}</Text>}
    </View>
  )
}
