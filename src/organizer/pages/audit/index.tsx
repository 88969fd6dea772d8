/** The append-only audit log as sentences, newest first; filtered by unit, person and action (and round, when opened from one); exported to Excel. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { AuditFilter } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import OrgHead from '../../components/OrgHead'
import { openExport } from '../../../services/exportFile'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

/** The actions an office looks for; the sentences name every other one too. */
const ACTIONS: Record<string, string> = {
  createRound: '新建评议', updateRound: '修改评议', openRound: '开放评议', closeRound: '结束评议', publishRound: '公布结果',
  addRoster: '添加名单', importRoster: '导入名单', sharedCode: '共用码', voidCode: '作废邀请码', reissueCode: '补发邀请码',
  inviteRole: '角色邀请', redeemRole: '接受邀请', revokeRole: '撤销角色', createUnit: '新建单位', writeReport: '填写报告', approveReport: '审核报告', setHouseholds: '应参评户数',
}

function Chips({ label, options, value, onChange }: { label: string; options: [string, string][]; value?: string; onChange: (v?: string) => void }) {
  return (
    <View className='org__field'>
      <Text className='org__field-label'>{label}</Text>
      <View className='org__chips'>
        {[['', '全部'] as [string, string], ...options].map(([v, name]) => (
          <Text key={v || 'all'} className={`org__chip${(value ?? '') === v ? ' org__chip--on' : ''}`} onClick={() => onChange(v || undefined)}>
            {name}
          </Text>
        ))}
      </View>
    </View>
  )
}

export default function AuditPage() {
  const roundId = useRouter().params.roundId || undefined
  const [filter, setFilter] = useState<AuditFilter>({})
  const query = { ...filter, ...(roundId ? { roundId } : {}) }
  const log = useLoad(() => call('organize', 'auditLog', query), [roundId, filter.unitId, filter.actorName, filter.action])
  const units = useLoad(() => call('organize', 'myUnits', {}), [])
  const [error, setError] = useState<ApiError | null>(null)
  const exportSheet = async () => {
    const res = await call('organize', 'auditSheet', query)
    setError(res.ok ? null : res.error)
    if (res.ok) await openExport({ url: res.data.url, fileName: '操作记录.xlsx' })
  }
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }))

  return (
    <Screen className='org'>
      <OrgHead title='操作记录' sub={roundId ? '本次评议的全部改动，只增不改' : '我所辖范围内的全部改动，只增不改'} />
      <View className='audit'>
        <Chips label='单位' options={(units.data?.units ?? []).map((u) => [u.id, u.name])} value={filter.unitId} onChange={(unitId) => set({ unitId })} />
        <Chips label='操作人' options={(log.data?.actors ?? []).map((a) => [a, a])} value={filter.actorName} onChange={(actorName) => set({ actorName })} />
        <Chips label='操作' options={Object.entries(ACTIONS)} value={filter.action} onChange={(action) => set({ action })} />
        <View className='org__inline-actions'>
          <Button size='small' fill='outline' onClick={() => void exportSheet()}>导出 Excel</Button>
        </View>
        {(log.error ?? error) && <Text className='qp-error'>{(log.error ?? error)?.message}</Text>}
        {log.data?.entries.length === 0 && <Text className='org__empty'>没有符合条件的记录。</Text>}
        {log.data?.entries.map((e, i) => (
          <Text key={`${e.at}-${i}`} className='org__row audit__entry'>
            {e.sentence}
          </Text>
        ))}
      </View>
    </Screen>
  )
}
