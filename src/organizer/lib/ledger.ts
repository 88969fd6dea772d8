/** @module Words and paths of the rectification ledger's pages. */
import type { LedgerItem } from '../../api/ledger'
import { inShanghai } from '../../core/time'

const ROOT = '/organizer/pages'

export const ledgerPaths = {
  book: (roundId?: string) => `${ROOT}/ledger/index${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}`,
  register: (roundId: string, targetId: string) => `${ROOT}/rectify/index?roundId=${encodeURIComponent(roundId)}&targetId=${encodeURIComponent(targetId)}`,
  item: (itemId: string) => `${ROOT}/item/index?itemId=${encodeURIComponent(itemId)}`,
  mine: `${ROOT}/mine/index`,
}

export const dayOf = (at: string) => inShanghai(at).format('YYYY-MM-DD')

export function deadlineNote(item: Pick<LedgerItem, 'daysLeft' | 'overdue'>): string {
  if (item.overdue) return item.daysLeft < 0 ? `已逾期 ${-item.daysLeft} 天` : '已逾期'
  return item.daysLeft === 0 ? '今天到期' : `还剩 ${item.daysLeft} 天`
}

export const STEP_LABELS: Record<LedgerItem['events'][number]['type'], string> = {
  start: '接收整改任务',
  progress: '报送进展',
  'request-closure': '申请销号',
  verify: '审核通过，销号',
  'send-back': '退回',
  resume: '重新办理',
}

export const STATE_LABELS: Record<LedgerItem['state'], string> = {
  registered: '待接收',
  'in-progress': '整改中',
  'closure-requested': '待审核销号',
  verified: '已销号',
  'sent-back': '被退回',
}
