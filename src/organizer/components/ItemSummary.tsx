/** One rectification item as a list line: problem, owner unit, deadline with its countdown, state. */
import { Text, View } from '@tarojs/components'
import type { LedgerItem } from '../../api/ledger'
import { dayOf, deadlineNote } from '../lib/ledger'

export default function ItemSummary({ item, onClick }: { item: LedgerItem; onClick?: () => void }) {
  return (
    <View className='qp-card ledger-item' onClick={onClick}>
      <View className='org__row'>
        <Text className='ledger-item__problem'>{item.problem}</Text>
        <Text className={`ledger-state ledger-state--${item.publicState}`}>{item.publicState}</Text>
      </View>
      <Text className='qp-muted'>{`${item.ownerUnitName} · ${item.source} · ${item.urgent ? '立行立改 · ' : ''}时限 ${dayOf(item.deadline)}`}</Text>
      {item.publicState !== '已销号' && <Text className={item.overdue ? 'qp-error' : 'ledger-item__countdown'}>{deadlineNote(item)}</Text>}
      {item.can.supervise && <Text className='ledger-item__review'>已申请销号，待您审核</Text>}
    </View>
  )
}
