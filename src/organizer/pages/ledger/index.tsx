/**
 * 整改台账 for organisers and leaders: the items of their subtree (one round, or all), filtered by
 * state, overdue and owner unit, counts per unit, and the Excel 台账.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { LedgerItem } from '../../../api/ledger'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import { openExport } from '../../../services/exportFile'
import ItemSummary from '../../components/ItemSummary'
import OrgHead from '../../components/OrgHead'
import { ledgerPaths } from '../../lib/ledger'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

type StateFilter = LedgerItem['publicState'] | undefined
const STATES: { label: string; value: StateFilter }[] = [{ label: '全部', value: undefined }, { label: '整改中', value: '整改中' }, { label: '逾期', value: '逾期' }, { label: '已销号', value: '已销号' }]

export default function LedgerPage() {
  const roundId = useRouter().params.roundId ? decodeURIComponent(useRouter().params.roundId!) : undefined
  const [state, setState] = useState<StateFilter>(undefined)
  const [ownerUnitId, setOwnerUnitId] = useState<string | undefined>(undefined)
  const filter = { ...(roundId ? { roundId } : {}), ...(state ? { state } : {}), ...(ownerUnitId ? { ownerUnitId } : {}) }
  const book = useLoad(() => call('organize', 'ledger', filter), [roundId, state, ownerUnitId])
  const [error, setError] = useState<ApiError | null>(null)
  useDidShow(() => void book.reload())

  const exportSheet = async () => {
    const res = await call('organize', 'ledgerSheet', filter)
    setError(res.ok ? null : res.error)
    if (res.ok) await openExport(res.data)
  }

  if (book.error) return <Screen><StatusScreen tone='info' title='暂时打不开整改台账' message={book.error.message} action={{ label: '重试', onClick: () => void book.reload() }} /></Screen>
  const data = book.data
  return (
    <Screen className='org ledger'>
      <OrgHead title='整改台账' sub='问题清单 → 登记 → 整改 → 申请销号 → 上级审核销号' />
      {data && data.counts.length > 0 && (
        <View className='qp-card'>
          <Text className='qp-card__title'>各单位整改情况</Text>
          {data.counts.map((c) => (
            <View key={c.unitId} className={`org__row ledger__count${ownerUnitId === c.unitId ? ' ledger__count--on' : ''}`} onClick={() => setOwnerUnitId(ownerUnitId === c.unitId ? undefined : c.unitId)}>
              <Text>{c.unitName}</Text>
              <Text className='qp-muted'>{`整改中 ${c.open} · 逾期 ${c.overdue} · 已销号 ${c.closed}`}</Text>
            </View>
          ))}
        </View>
      )}
      <View className='org__tabs'>
        {STATES.map((s) => <Text key={s.label} className={`org__tab${state === s.value ? ' org__tab--on' : ''}`} onClick={() => setState(s.value)}>{s.label}</Text>)}
      </View>
      {!data && <Text className='qp-muted'>正在加载…</Text>}
      {data?.items.length === 0 && <Text className='qp-muted'>没有符合条件的整改事项。组织员可在评议结果中为触发整改的对象或群众意见登记整改事项。</Text>}
      {data?.items.map((i) => <ItemSummary key={i.id} item={i} onClick={() => void Taro.navigateTo({ url: ledgerPaths.item(i.id) })} />)}
      {data && data.items.length > 0 && (
        <View className='qp-actions'>
          <Button fill='outline' size='large' block onClick={() => void exportSheet()}>导出整改台账（Excel）</Button>
        </View>
      )}
      {error && <Text className='qp-error'>{error.message}</Text>}
    </Screen>
  )
}
