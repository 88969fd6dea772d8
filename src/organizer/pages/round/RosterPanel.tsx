/** Evaluators of the roster-only categories: typed in one by one, imported from CSV / xlsx, or a shared code. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import MissingHint from '../../components/MissingHint'
import { missingName } from '../../lib/missing'
import Field from '../../components/Field'
import { pickRosterFile } from '../../lib/files'
import SharedCode from './SharedCode'

interface Props {
  round: RoundDetail
  unitName: (unitId: string) => string
  onChanged: () => Promise<void>
}

export default function RosterPanel({ round, unitName, onChanged }: Props) {
  const rosterCategories = round.categories.filter((c) => c.access === 'roster')
  const unitIds = [...new Set(round.targets.map((t) => t.unitId))]
  const [categoryId, setCategoryId] = useState(rosterCategories[0]?.id ?? '')
  const [unitId, setUnitId] = useState(unitIds[0] ?? '')
  const [name, setName] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  if (rosterCategories.length === 0) return null

  const add = async () => {
    setNote(null)
    const res = await call('organize', 'addRoster', { roundId: round.id, categoryId, entries: [{ name: name.trim(), unitId }] })
    setError(res.ok ? null : res.error)
    if (res.ok) {
      setNote(`已添加 ${name.trim()}，邀请码 ${res.data.codes.map((c) => c.code).join('、')}`)
      setName('')
    }
    await onChanged()
  }
  const importFile = async () => {
    // A new attempt must not sit under the last one's success message.
    setNote(null)
    setError(null)
    const file = await pickRosterFile()
    if (!file) return
    const res = await call('organize', 'importRoster', { roundId: round.id, ...file })
    setError(res.ok ? null : res.error)
    if (res.ok) {
      const { codes, updated, skipped } = res.data
      const rows = skipped.map((s) => `第${s.row}行：${s.reason}`).join('；')
      setNote(`新增 ${codes.length} 人，更新 ${updated.length} 人，跳过 ${skipped.length} 行${rows ? `（${rows}）` : ''}`)
    }
    await onChanged()
  }
  const chip = (key: string, label: string, on: boolean, pick: () => void, extra = '') => (
    <Text key={key} className={`org__chip${extra}${on ? ' org__chip--on' : ''}`} onClick={pick}>{label}</Text>
  )

  const missing = categoryId ? missingName(name, '姓名') ?? (unitId ? null : '请选择所在单位') : '请选择类别'
  return (
    <View className='qp-card roster'>
      <Text className='qp-card__title'>参评名单</Text>
      <Text className='qp-muted'>名单内每人一个邀请码，凭码参加评议；手机号只保存不可逆的摘要。</Text>
      <Text className='org__field-label roster__label'>类别</Text>
      <View className='org__chips'>
        {rosterCategories.map((c) => chip(c.id, `${c.name}（${round.rosterSizes[c.id] ?? 0}人）`, c.id === categoryId, () => setCategoryId(c.id), ' roster__category'))}
      </View>
      <Field label='姓名' value={name} placeholder='例如：王小明' onChange={setName} />
      <Text className='org__field-label roster__label'>所在单位</Text>
      <View className='org__chips'>
        {unitIds.map((u) => chip(u, unitName(u), u === unitId, () => setUnitId(u), ' roster__unit'))}
      </View>
      <MissingHint missing={missing} />
      <View className='org__inline-actions'>
        <Button size='small' type='primary' disabled={missing !== null} onClick={() => void add()}>
          添加到名单
        </Button>
        <Button size='small' fill='outline' onClick={() => void importFile()}>
          导入名单（CSV / Excel）
        </Button>
      </View>
      <Text className='qp-muted'>导入文件的列：姓名、单位、类别、手机（可选）；单位重名时写上级单位，如“东社区/第一网格”；Excel 另存的 CSV 也可以。同一人（姓名、单位、手机相同）再次导入不会重复。</Text>
      {note && <Text className='org__ok roster__note'>{note}</Text>}
      {error && <Text className='qp-error'>{error.message}</Text>}
      <SharedCode
        roundId={round.id}
        categoryId={categoryId}
        unitId={unitId}
        label={`${rosterCategories.find((c) => c.id === categoryId)?.name ?? categoryId} · ${unitName(unitId)}`}
        onChanged={onChanged}
      />
    </View>
  )
}
