/** What may happen next to an open, closed or published round; the server decides whether it may. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'

const NEXT = {
  open: { action: 'closeRound', label: '结束评议', confirm: '结束后居民不能再提交评议，确定提前结束吗？' },
  closed: { action: 'publishRound', label: '公布结果', confirm: '公布后结果按可见范围向相关人员展示，确定公布吗？' },
  published: { action: 'archiveRound', label: '归档', confirm: '归档后本轮评议只读，确定归档吗？' },
} as const

export default function StateActions({ round, onChanged }: { round: RoundDetail; onChanged: () => Promise<void> }) {
  const [error, setError] = useState<ApiError | null>(null)
  if (!(round.state in NEXT)) return null
  const next = NEXT[round.state as keyof typeof NEXT]

  const run = async () => {
    const { confirm } = await Taro.showModal({ title: next.label, content: next.confirm })
    if (!confirm) return
    const res = await call('organize', next.action, { roundId: round.id })
    setError(res.ok ? null : res.error)
    await onChanged()
  }

  return (
    <View className='qp-actions state-actions'>
      {error && <Text className='qp-error'>{error.message}</Text>}
      <Button fill='outline' size='large' block onClick={() => void run()}>
        {next.label}
      </Button>
    </View>
  )
}
