/**
 * The workbench: what waits for me (待办), my rounds by state, a new round, units, role invitations and
 * the audit log; a leader sees the rounds only, a unit contact the way to its self-report.
 */
import { Button, Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { Period } from '../../../components/When'
import type { Me } from '../../../api/evaluate'
import { call } from '../../../services/api'
import { dashboardPaths } from '../../../services/links'
import { askForReminders } from '../../../services/reminders'
import OrgHead from '../../components/OrgHead'
import StateTag from '../../components/StateTag'
import { ROLE_NAMES, STATUS_NAMES, STATUS_ORDER } from '../../lib/labels'
import { ledgerPaths } from '../../lib/ledger'
import { organizerPaths } from '../../lib/paths'
import { hasRole } from '../../lib/roles'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 待办: what the home badge counts, each leading to where it is done. */
function Todo({ todo }: { todo: NonNullable<Me['rectification']> }) {
  if (todo.todo === 0 && todo.review === 0 && todo.verdicts.length === 0) return null
  return (
    <View className='qp-card workbench__todo'>
      <Text className='qp-card__title'>待办</Text>
      {todo.todo > 0 && <Cell className='workbench__todo-mine' title='我的整改事项' extra={`${todo.todo} 项未能提醒`} onClick={() => go(ledgerPaths.mine)} />}
      {todo.review > 0 && <Cell className='workbench__todo-review' title='申请销号，待审核' extra={`${todo.review} 项 ›`} onClick={() => go(ledgerPaths.book())} />}
      {todo.verdicts.map((v) => (
        <Cell key={v.roundId} className='workbench__todo-verdicts' title={`认定确认：${v.title}`} extra={`${v.count} 项 ›`} onClick={() => go(dashboardPaths.verdicts(v.roundId))} />
      ))}
    </View>
  )
}

export default function Workbench() {
  const units = useLoad(() => call('organize', 'myUnits', {}), [])
  const rounds = useLoad(() => call('organize', 'listRounds', {}), [])
  const reminders = useLoad(() => call('organize', 'reminderTemplates', {}), [])
  const me = useLoad(() => call('evaluate', 'me', {}), [])
  useDidShow(() => {
    void rounds.reload()
    void me.reload()
  })

  const error = units.error ?? rounds.error
  if (error) {
    return (
      <Screen>
        <StatusScreen tone='info' title='暂时无法进入工作台' message={error.message} action={{ label: '输入邀请码', onClick: () => go(organizerPaths.redeem) }} />
      </Screen>
    )
  }
  const roles = units.data?.roles ?? []
  const canOrganize = hasRole(roles, 'admin', 'organizer')
  const isContact = hasRole(roles, 'contact')

  return (
    <Screen className='org'>
      <OrgHead title='工作台' sub={roles.map((r) => `${ROLE_NAMES[r.role]} · ${r.unitName}`).join('　')} />
      {me.data?.rectification && <Todo todo={me.data.rectification} />}
      <View className='qp-actions'>
        {canOrganize && (
          <Button type='primary' size='large' block onClick={() => go(organizerPaths.create)}>
            新建评议
          </Button>
        )}
        {isContact && (
          <Button type='primary' fill='outline' size='large' block onClick={() => go(organizerPaths.report())}>
            本单位情况报告
          </Button>
        )}
        {isContact && (
          <Button type='primary' fill='outline' size='large' block onClick={() => go(ledgerPaths.mine)}>
            我的整改事项
          </Button>
        )}
        {hasRole(roles, 'admin', 'organizer', 'leader') && (
          // The supervisors' tap that opens the ledger is where they may opt in to the overdue reminders.
          <Button fill='outline' size='large' block onClick={() => void askForReminders(reminders.data?.templateIds ?? []).then(() => go(ledgerPaths.book()))}>
            整改台账
          </Button>
        )}
        {canOrganize && (
          <Button fill='outline' size='large' block onClick={() => go(organizerPaths.units)}>
            单位管理
          </Button>
        )}
        {/* Organisers invite leaders and contacts below them; the page offers only what they may grant. */}
        {canOrganize && (
          <Button fill='outline' size='large' block onClick={() => go(organizerPaths.invite)}>
            角色邀请
          </Button>
        )}
        {canOrganize && (
          <Button fill='outline' size='large' block onClick={() => go(organizerPaths.people)}>
            人员与角色
          </Button>
        )}
        {canOrganize && (
          <Button fill='outline' size='large' block onClick={() => go(organizerPaths.audit())}>
            操作记录
          </Button>
        )}
      </View>
      {rounds.data &&
        STATUS_ORDER.map((status) => {
          const list = rounds.data?.rounds.filter((r) => r.status === status) ?? []
          if (list.length === 0) return null
          return (
            <View key={status} className='workbench__state'>
              <Text className='org__section'>{`${STATUS_NAMES[status]}（${list.length}）`}</Text>
              {list.map((r) => (
                <Cell
                  key={r.id}
                  className='workbench__round'
                  title={r.title}
                  description={<><Period window={r.window} /> · 已收 {r.ballots} 票</>}
                  extra={<StateTag status={r.status} />}
                  onClick={() => go(organizerPaths.round(r.id))}
                />
              ))}
            </View>
          )
        })}
      {rounds.data?.rounds.length === 0 && (canOrganize || !isContact) && (
        <Text className='org__empty'>{canOrganize ? '还没有评议，点“新建评议”开始。' : '所辖范围内还没有评议。'}</Text>
      )}
    </Screen>
  )
}
