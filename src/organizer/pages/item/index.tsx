/**
 * One rectification item: its 三定, history and photos; the owner's next step (接收, 报送进展 with
 * photos, 申请销号, 重新办理) or the supervisors' (销号 / 退回 with a reason), as the server allows.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { LedgerItem } from '../../../api/ledger'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import { type PickedPhoto, pickPhotos, uploadPhotos } from '../../../services/photos'
import { askForReminders } from '../../../services/reminders'
import OrgHead from '../../components/OrgHead'
import { dayOf, deadlineNote, STATE_LABELS, STEP_LABELS } from '../../lib/ledger'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

type OwnerStep = 'start' | 'progress' | 'request-closure' | 'resume'

export default function ItemPage() {
  const itemId = decodeURIComponent(useRouter().params.itemId ?? '')
  const item = useLoad(() => call('organize', 'ledgerItem', { itemId }), [itemId])
  const reminders = useLoad(() => call('organize', 'reminderTemplates', {}), [])
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const done = (res: { ok: true; data: LedgerItem } | { ok: false; error: ApiError }) => {
    setError(res.ok ? null : res.error)
    if (!res.ok) return
    item.setData(res.data)
    setNote('')
    setPhotos([])
  }
  const run = async (send: () => Promise<{ ok: true; data: LedgerItem } | { ok: false; error: ApiError }>) => {
    setBusy(true)
    try {
      done(await send())
    } finally {
      setBusy(false)
    }
  }
  // The steps this page shows: a tap sent again after a lost answer is then answered, not taken twice.
  const seen = () => (item.data ? { seen: item.data.events.length } : {})
  // The owner's taps (accepting, progress, 申请销号) are where WeChat lets us ask for the reminders' opt-ins.
  const work = (step: OwnerStep) => {
    const asked = askForReminders(reminders.data?.templateIds ?? [])
    return run(async () => {
      await asked
      const uploaded = photos.length > 0 && item.data?.can.photoFolder ? await uploadPhotos(item.data.can.photoFolder, photos) : { ok: true as const, data: [] }
      if (!uploaded.ok) return uploaded
      return call('organize', 'workItem', { itemId, step, ...(note.trim() ? { note: note.trim() } : {}), photos: uploaded.data, ...seen() })
    })
  }
  const supervise = (verify: boolean) => run(() => call('organize', 'superviseItem', { itemId, verify, ...(note.trim() ? { note: note.trim() } : {}), ...seen() }))

  if (item.error) return <Screen><StatusScreen tone='info' title='暂时打不开这个整改事项' message={item.error.message} action={{ label: '重试', onClick: () => void item.reload() }} /></Screen>
  const i = item.data
  if (!i) return <Screen><Text className='qp-muted'>正在打开…</Text></Screen>
  const state = i.state
  return (
    <Screen className='org ledger'>
      <OrgHead title='整改事项' sub={`${i.roundTitle} · ${i.targetName}`} />
      <View className='qp-card'>
        <View className='org__row'>
          <Text className='qp-card__title'>{STATE_LABELS[state]}</Text>
          <Text className={`ledger-state ledger-state--${i.publicState}`}>{i.publicState}</Text>
        </View>
        <Text className='ledger__label'>问题（{i.source}）</Text>
        <Text className='ledger__text'>{i.problem}</Text>
        <Text className='ledger__label'>整改措施</Text>
        <Text className='ledger__text'>{i.responsibility}</Text>
        <Text className='ledger__label'>责任单位 · 责任人</Text>
        <Text className='ledger__text'>{`${i.ownerUnitName} · ${i.ownerName}`}</Text>
        <Text className='ledger__label'>时限</Text>
        <Text className='ledger__text'>{`${dayOf(i.deadline)}${i.urgent ? '（立行立改）' : ''}${i.publicState === '已销号' ? '' : ` · ${deadlineNote(i)}`}`}</Text>
      </View>
      <View className='qp-card'>
        <Text className='qp-card__title'>办理记录</Text>
        {i.events.length === 0 && <Text className='qp-muted'>责任单位尚未接收。</Text>}
        {i.events.map((e, n) => (
          <View key={n} className='ledger__event'>
            <Text className='ledger__event-head'>{`${dayOf(e.at)} ${e.by} ${STEP_LABELS[e.type]}`}</Text>
            {e.note && <Text className='ledger__text'>{e.note}</Text>}
            {e.photos.map((src) => <Image key={src} className='ledger__photo' src={src} mode='aspectFill' />)}
          </View>
        ))}
      </View>
      {(i.can.work || i.can.supervise) && (
        <View className='qp-card'>
          <Textarea className='org__input ledger__note' autoHeight maxlength={1000} value={note} onInput={(e) => setNote(e.detail.value)}
            placeholder={i.can.supervise ? '退回时请写明原因' : state === 'in-progress' ? '进展情况，或申请销号时写明整改结果' : '说明（可不填）'} />
          {i.can.work && state === 'in-progress' && (
            <View className='ledger__photos'>
              {photos.map((p) => <Image key={p.preview} className='ledger__photo' src={p.preview} mode='aspectFill' />)}
              {photos.length < 3 && <Button size='small' fill='outline' onClick={() => void pickPhotos(3 - photos.length).then((more) => setPhotos([...photos, ...more]))}>添加照片</Button>}
            </View>
          )}
          <View className='org__inline-actions'>
            {i.can.work && state === 'registered' && <Button type='primary' disabled={busy} onClick={() => void work('start')}>接收整改任务</Button>}
            {i.can.work && state === 'sent-back' && <Button type='primary' disabled={busy} onClick={() => void work('resume')}>重新办理</Button>}
            {i.can.work && state === 'in-progress' && <Button fill='outline' disabled={busy || (!note.trim() && photos.length === 0)} onClick={() => void work('progress')}>报送进展</Button>}
            {i.can.work && state === 'in-progress' && <Button type='primary' disabled={busy || !note.trim()} onClick={() => void work('request-closure')}>申请销号</Button>}
            {i.can.supervise && <Button type='primary' disabled={busy} onClick={() => void supervise(true)}>审核通过，销号</Button>}
            {i.can.supervise && <Button fill='outline' disabled={busy || !note.trim()} onClick={() => void supervise(false)}>退回</Button>}
          </View>
        </View>
      )}
      {error && <Text className='qp-error'>{error.message}</Text>}
    </Screen>
  )
}
