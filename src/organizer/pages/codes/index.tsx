/** A round's roster codes by count (issued / used / void per unit × category, never who), and voiding or reissuing one code. */
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { InvitationCode } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import CodeCard from '../../components/CodeCard'
import CodeCounts from '../../components/CodeCounts'
import OrgHead from '../../components/OrgHead'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

export default function CodesPage() {
  const roundId = useRouter().params.roundId ?? ''
  const counts = useLoad(() => call('organize', 'codeCounts', { roundId }), [roundId])
  const [code, setCode] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState('')
  const [fresh, setFresh] = useState<InvitationCode | null>(null)

  const act = async (kind: 'void' | 'reissue') => {
    const { confirm } = await Taro.showModal({
      title: kind === 'void' ? '作废邀请码' : '补发邀请码',
      content: kind === 'void' ? '作废后这个邀请码不能再用；已经用它参评的不受影响。' : '原邀请码将作废，并为同一人生成一个新邀请码。操作会记入操作记录。',
    })
    if (!confirm) return
    const res = kind === 'void' ? await call('organize', 'voidCode', { roundId, code }) : await call('organize', 'reissueCode', { roundId, code })
    setError(res.ok ? null : res.error)
    setFresh(res.ok && kind === 'reissue' ? (res.data as InvitationCode) : null)
    setDone(res.ok ? (kind === 'void' ? '已作废。' : '已补发，原邀请码已作废。新邀请码见下方，也会列在评议页的邀请码中，可再次打印。') : '')
    if (res.ok) {
      setCode('')
      await counts.reload()
    }
  }

  return (
    <Screen className='org'>
      <OrgHead title='邀请码管理' sub='作废、补发邀请码；使用情况只统计数量，不显示谁用过' />
      {counts.error && <Text className='qp-error'>{counts.error.message}</Text>}
      {counts.data?.counts.length === 0 && <Text className='org__empty'>本次评议还没有邀请码。</Text>}
      {counts.data && counts.data.counts.length > 0 && (
        <View className='qp-card'>
          <CodeCounts counts={counts.data.counts} k={counts.data.k} />
        </View>
      )}
      <View className='qp-card'>
        <Text className='qp-card__title'>作废或补发一个邀请码</Text>
        <Text className='qp-muted'>邀请码丢失或发错人时使用：输入邀请码单上的邀请码。</Text>
        <Input className='org__input codes__input' placeholder='邀请码' value={code} onChange={(v) => setCode(v)} />
        <View className='org__inline-actions'>
          <Button size='small' fill='outline' type='danger' disabled={code.trim().length < 4} onClick={() => void act('void')}>作废</Button>
          <Button size='small' type='primary' disabled={code.trim().length < 4} onClick={() => void act('reissue')}>补发新码</Button>
        </View>
        {error && <Text className='qp-error'>{error.message}</Text>}
        {done && <Text className='org__ok'>{done}</Text>}
        {fresh && <CodeCard title={`${fresh.name ?? '共用码'}的新邀请码`} code={fresh.code} note={`可用 ${fresh.usesLeft} 次`} />}
      </View>
    </Screen>
  )
}
