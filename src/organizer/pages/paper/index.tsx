/**
 * 录入纸质票: an organiser types one paper ballot from its stamp (编号, 校验码, 邀请码) and sheets. The server
 * counts it when a second organiser's entry agrees; a disputed one is entered again by a third person.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { PaperBallotView, PaperEntryOutcome } from '../../../api/paper'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import Field from '../../components/Field'
import OrgHead from '../../components/OrgHead'
import { useLoad } from '../../lib/useLoad'
import Disputes from './Disputes'
import SheetForm, { emptySheet, type SheetDraft, sheetOf } from './SheetForm'
import '../../organizer.scss'

const outcomeText = (o: PaperEntryOutcome) =>
  o.status === 'first-entry' ? '已保存第一次录入。请另一位组织员按原票再录入一次，两次一致才计入。'
    : o.status === 'recorded' ? '两次录入一致，这张纸质票已计入。'
      : `与第一次录入不一致（${o.targets.length} 处），已进入待核对，尚未计入。`

export default function PaperPage() {
  const roundId = useRouter().params.roundId ?? ''
  const round = useLoad(() => call('organize', 'getRound', { roundId }), [roundId])
  const queue = useLoad(() => call('organize', 'paperQueue', { roundId }), [roundId])
  const [stamp, setStamp] = useState({ serial: '', check: '', code: '' })
  const [ballot, setBallot] = useState<PaperBallotView | null>(null)
  const [drafts, setDrafts] = useState<Record<string, SheetDraft>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState('')
  const input = () => ({ roundId, serial: stamp.serial.trim(), check: stamp.check.trim(), ...(stamp.code.trim() ? { code: stamp.code.trim() } : {}) })

  const read = async () => {
    const res = await call('organize', 'readPaper', input())
    setError(res.ok ? null : res.error)
    setDone('')
    setBallot(res.ok ? res.data : null)
    setDrafts(res.ok ? Object.fromEntries(res.data.targets.map((t) => [t.id, emptySheet()])) : {})
  }
  const template = round.data?.template
  const sheets = ballot && template ? ballot.targets.map((t) => sheetOf(t.id, drafts[t.id] ?? emptySheet(), template)) : []
  const submit = async () => {
    if (!ballot || sheets.some((s) => s === null)) return
    const data = { ...input(), sheets: sheets.filter((s) => s !== null) }
    const res = ballot.state === 'disputed' ? await call('organize', 'settlePaper', data) : await call('organize', 'enterPaper', data)
    setError(res.ok ? null : res.error)
    if (!res.ok) return
    setDone(`编号 ${ballot.serial}：${outcomeText(res.data)}`)
    setBallot(null)
    setStamp({ serial: '', check: '', code: '' })
    await queue.reload()
  }

  const status = queue.data?.status
  return (
    <Screen className='org'>
      <OrgHead title='录入纸质票' sub={round.data?.title ?? ''} />
      {(round.error ?? queue.error) && <Text className='qp-error'>{(round.error ?? queue.error)!.message}</Text>}
      {status && (
        <Text className='qp-muted paper-status'>{`已打印未录入 ${status.printed} 张 · 录入一次 ${status.enteredOnce} 张 · 待核对 ${status.disputed} 张 · 已计入 ${status.recorded} 张${status.lapsed ? ` · 评议结束时未录完、不计入 ${status.lapsed} 张` : ''}`}</Text>
      )}
      {round.data && queue.data && <Disputes round={round.data} disputes={queue.data.disputes} onSettle={(serial) => { setStamp({ serial, check: '', code: '' }); setBallot(null) }} />}
      <View className='qp-card'>
        <Text className='qp-card__title'>票面信息</Text>
        <Field label='编号（8 位数字）' value={stamp.serial} placeholder='票面右上角的编号' maxlength={8} onChange={(serial) => setStamp({ ...stamp, serial })} />
        <Field label='校验码（6 位数字）' value={stamp.check} placeholder='编号后的校验码' maxlength={6} onChange={(check) => setStamp({ ...stamp, check })} />
        <Field label='邀请码（票面印有时填写）' value={stamp.code} placeholder='8 位字母或数字' maxlength={8} onChange={(code) => setStamp({ ...stamp, code })} />
        <View className='org__inline-actions'>
          <Button size='small' type='primary' disabled={stamp.serial.trim().length !== 8 || stamp.check.trim().length !== 6} onClick={() => void read()}>读取这张票</Button>
        </View>
        {done && <Text className='org__ok'>{done}</Text>}
        {error && <Text className='qp-error'>{error.message}</Text>}
      </View>
      {ballot && template && (
        <>
          <Text className='qp-muted'>{`${ballot.categoryName}，共 ${ballot.targets.length} 页${ballot.state === 'disputed' ? '。这张票待核对：请对照原票录入，您的录入即为核对结果。' : ''}`}</Text>
          {ballot.targets.map((t) => (
            <SheetForm key={t.id} name={t.name} targetId={t.id} template={template} draft={drafts[t.id] ?? emptySheet()} onChange={(d) => setDrafts({ ...drafts, [t.id]: d })} />
          ))}
          <View className='qp-actions'>
            <Button type='primary' block disabled={sheets.some((s) => s === null)} onClick={() => void submit()}>{ballot.state === 'disputed' ? '提交核对结果' : '提交录入'}</Button>
          </View>
        </>
      )}
    </Screen>
  )
}
