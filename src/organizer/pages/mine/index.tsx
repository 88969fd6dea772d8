/** 我的整改事项: the items registered to me as my unit's contact, nearest deadline first, with countdowns. */
import { Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import ItemSummary from '../../components/ItemSummary'
import OrgHead from '../../components/OrgHead'
import { ledgerPaths } from '../../lib/ledger'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

export default function MyItems() {
  const mine = useLoad(() => call('organize', 'myItems', {}), [])
  useDidShow(() => void mine.reload())
  if (mine.error) return <Screen><StatusScreen tone='info' title='暂时打不开整改事项' message={mine.error.message} action={{ label: '重试', onClick: () => void mine.reload() }} /></Screen>
  const items = mine.data?.items
  const open = items?.filter((i) => i.publicState !== '已销号') ?? []
  const closed = items?.filter((i) => i.publicState === '已销号') ?? []
  return (
    <Screen className='org ledger'>
      <OrgHead title='我的整改事项' sub='组织方登记给本单位的整改事项：按时限办理，完成后申请销号，由上级组织审核。' />
      {!items && <Text className='qp-muted'>正在加载…</Text>}
      {items?.length === 0 && <Text className='qp-muted'>目前没有登记给您的整改事项。</Text>}
      {open.map((i) => <ItemSummary key={i.id} item={i} onClick={() => void Taro.navigateTo({ url: ledgerPaths.item(i.id) })} />)}
      {closed.length > 0 && <Text className='ledger__section'>已销号</Text>}
      {closed.map((i) => <ItemSummary key={i.id} item={i} onClick={() => void Taro.navigateTo({ url: ledgerPaths.item(i.id) })} />)}
    </Screen>
  )
}
