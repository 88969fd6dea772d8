/**
 * Channels of a round: a share link per grid or organizer, copied or sent as a card, and a QR poster.
 * Each channel is one block holding its own buttons, link and poster, so none is taken for the next one's.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import Field from '../../components/Field'
import { copyText } from '../../lib/clipboard'
import { h5ShareUrl } from '../../lib/paths'
import { savePoster } from '../../lib/poster'

const isH5 = process.env.TARO_ENV === 'h5'

export default function SharePanel({ round, onChanged }: { round: RoundDetail; onChanged: () => Promise<void> }) {
  const [name, setName] = useState('')
  const [copied, setCopied] = useState<{ channelId: string; link: string } | null>(null)
  const [poster, setPoster] = useState<{ channelId: string; url: string } | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const add = async () => {
    const res = await call('organize', 'addChannel', { roundId: round.id, name: name.trim() })
    setError(res.ok ? null : res.error)
    if (res.ok) setName('')
    await onChanged()
  }
  const copy = async (channelId: string) => {
    const link = isH5 ? h5ShareUrl(round.id, channelId) : `/pages/round/index?roundId=${round.id}&channel=${channelId}`
    if (await copyText(link)) setCopied({ channelId, link })
  }
  const showPoster = async (channelId: string) => {
    const res = await call('organize', 'sharePoster', { roundId: round.id, channelId })
    setError(res.ok ? null : res.error)
    if (res.ok) {
      setPoster({ channelId, url: res.data.url })
      setNote(null)
    }
  }

  return (
    <View className='qp-card share'>
      <Text className='qp-card__title'>转发渠道</Text>
      <Text className='qp-muted'>每个网格群一个渠道，参与人数按渠道统计。</Text>
      {round.channels.map((c) => (
        <View key={c.id} className='share__channel'>
          <Text className='share__name'>{c.name}</Text>
          <View className='org__inline-actions share__actions'>
            <Button size='small' type='primary' fill='outline' onClick={() => void copy(c.id)}>复制链接</Button>
            {!isH5 && (
              <Button size='small' type='primary' openType='share' data-channel={c.id}>
                转发到群
              </Button>
            )}
            <Button size='small' fill='outline' onClick={() => void showPoster(c.id)}>海报</Button>
          </View>
          {copied?.channelId === c.id && <Text className='org__link share__copied'>{`已复制：${copied.link}`}</Text>}
          {poster?.channelId === c.id && (
            <View className='share__poster'>
              <Image className='org__qr' src={poster.url} mode='aspectFit' showMenuByLongpress />
              <Button size='small' block onClick={() => void savePoster(poster.url).then(setNote)}>
                {isH5 ? '打开' : '保存到相册'}
              </Button>
              {note && <Text className='qp-muted'>{note}</Text>}
            </View>
          )}
        </View>
      ))}
      {error && <Text className='qp-error'>{error.message}</Text>}
      {/* A round that takes no more ballots needs no new way in. */}
      {(round.state === 'draft' || round.state === 'open') && (
        <View>
          <Field label='新增渠道' value={name} placeholder='例如：第一网格居民群' onChange={setName} />
          <View className='org__inline-actions'>
            <Button size='small' type='primary' disabled={!name.trim()} onClick={() => void add()}>添加渠道</Button>
          </View>
        </View>
      )}
    </View>
  )
}
