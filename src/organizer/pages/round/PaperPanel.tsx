/** 纸质票: print the round's paper ballots (roster people, or a number of blank ones of an open category) and go enter them. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { openExport } from '../../../services/exportFile'
import Field from '../../components/Field'
import { organizerPaths } from '../../lib/paths'

interface Props {
  round: RoundDetail
  /** Units with roster codes: a unit's paper alone can be printed, as a community prints its own. */
  unitIds: string[]
  unitName: (unitId: string) => string
}

export default function PaperPanel({ round, unitIds, unitName }: Props) {
  const open = round.categories.find((c) => c.access === 'open')
  const roster = round.categories.some((c) => c.access === 'roster')
  const [count, setCount] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [printed, setPrinted] = useState<number | null>(null)
  if (!['draft', 'open'].includes(round.state) || round.targets.length === 0) return null
  const print = async (unitId?: string) => {
    setBusy(true)
    const n = Number(count)
    const res = await call('organize', 'printPaper', { roundId: round.id, ...(unitId ? { unitId } : {}), ...(open && n > 0 ? { open: { categoryId: open.id, count: n, ...(unitId ? { unitId } : {}) } } : {}) })
    setBusy(false)
    setError(res.ok ? null : res.error)
    setPrinted(res.ok ? res.data.ballots : null)
    if (res.ok) await openExport({ url: res.data.url, fileName: `${round.title}纸质评价票.pdf` })
  }
  return (
    <View className='qp-card paper-panel'>
      <Text className='qp-card__title'>纸质票</Text>
      <Text className='qp-muted'>
        {`为不用微信的参评人员打印纸质评价票：${roster ? '名单中每人一张，印有本人的邀请码；' : ''}每张印有编号和校验码。收回后由两位组织员分别录入，一致才计入；同一邀请码网上和纸质票只计一次。`}
      </Text>
      {open && <Field label={`${open.name}：空白纸质票份数（选填）`} value={count} placeholder='例如 50' maxlength={3} onChange={(v) => setCount(v.replace(/\D/g, ''))} />}
      <View className='org__inline-actions'>
        <Button size='small' type='primary' fill='outline' disabled={busy || (!roster && !(Number(count) > 0))} onClick={() => void print()}>{roster && unitIds.length > 1 ? '打印全部纸质票' : '打印纸质票'}</Button>
        {roster && unitIds.length > 1 && unitIds.map((u) => (
          <Button key={u} size='small' type='primary' fill='outline' disabled={busy} onClick={() => void print(u)}>{`${unitName(u)}的纸质票`}</Button>
        ))}
        {round.state === 'open' && <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: organizerPaths.paper(round.id) })}>录入纸质票</Button>}
      </View>
      {printed !== null && <Text className='org__ok'>{`已生成 ${printed} 张纸质票。`}</Text>}
      {error && <Text className='qp-error'>{error.message}</Text>}
    </View>
  )
}
