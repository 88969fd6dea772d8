/** One code shared by several evaluators of a category and unit (e.g. read out at a meeting), up to a use limit. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InvitationCode } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import CodeCard from '../../components/CodeCard'
import Field from '../../components/Field'

interface Props {
  roundId: string
  categoryId: string
  unitId: string
  label: string
  onChanged: () => Promise<void>
}

export default function SharedCode({ roundId, categoryId, unitId, label, onChanged }: Props) {
  const [uses, setUses] = useState('20')
  const [code, setCode] = useState<{ code: InvitationCode; label: string } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const maxUses = Number.parseInt(uses, 10)
  const valid = maxUses >= 1 && maxUses <= 1000

  const create = async () => {
    const res = await call('organize', 'sharedCode', { roundId, categoryId, unitId, maxUses })
    setError(res.ok ? null : res.error)
    if (res.ok) setCode({ code: res.data, label })
    await onChanged()
  }

  return (
    <View className='shared-code'>
      <Field className='shared-code__uses' label='共用码可使用次数（1–1000）' maxlength={4} value={uses} placeholder='例如：20' onChange={setUses} />
      <View className='org__inline-actions'>
        <Button size='small' type='primary' fill='outline' disabled={!valid || !categoryId || !unitId} onClick={() => void create()}>
          生成共用码
        </Button>
      </View>
      {error && <Text className='qp-error'>{error.message}</Text>}
      {code && <CodeCard title={`共用码 · ${code.label}`} code={code.code.code} note={`可使用 ${code.code.usesLeft} 次，每人一次。适合在评议会现场统一告知。`} />}
    </View>
  )
}
