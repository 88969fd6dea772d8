/** The append-only audit log: who changed what and when, newest as the server orders it. */
import { Cell } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import { showTime } from '../../../services/time'
import OrgHead from '../../components/OrgHead'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

const ACTIONS: Record<string, string> = {
  createRound: '新建评议', copyRound: '复制评议', updateRound: '修改评议', openRound: '开放评议', closeRound: '结束评议',
  publishRound: '公布结果', archiveRound: '归档', addRoster: '添加名单', importRoster: '导入名单', sharedCode: '生成共用码',
  addChannel: '添加渠道', inviteRole: '角色邀请', redeemRole: '接受邀请', createUnit: '新建单位', writeReport: '填写报告', approveReport: '审核报告',
}

const brief = (value: unknown) => (value === undefined || value === null ? '' : JSON.stringify(value).slice(0, 120))

export default function AuditPage() {
  const roundId = useRouter().params.roundId || undefined
  const log = useLoad(() => call('organize', 'auditLog', roundId ? { roundId } : {}), [roundId])
  return (
    <Screen className='org'>
      <OrgHead title='操作记录' sub={roundId ? '本次评议的全部改动，只增不改' : '我所辖范围内的全部改动，只增不改'} />
      {log.error && <Text className='qp-error'>{log.error.message}</Text>}
      {log.data?.entries.length === 0 && <Text className='org__empty'>暂无记录。</Text>}
      {log.data?.entries.map((e, i) => (
        <Cell
          key={`${e.at}-${i}`}
          className='audit__entry'
          title={`${e.actorName} · ${ACTIONS[e.action] ?? e.action}`}
          description={[showTime(e.at), e.subject, brief(e.before) && `原：${brief(e.before)}`, brief(e.after) && `新：${brief(e.after)}`].filter(Boolean).join('　')}
        />
      ))}
    </Screen>
  )
}
