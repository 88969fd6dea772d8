/** Step 2 for a template rating persons (党员, 领导干部): each typed in with position and unit, or imported from the office's list. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PersonRow, UnitView } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import Field from '../../components/Field'
import UnitPicker from '../../components/UnitPicker'
import type { Draft } from '../../lib/draft'
import { pickRosterFile } from '../../lib/files'
import { subtreeOf } from '../../lib/tree'

interface Props {
  draft: Draft
  units: UnitView[]
  update: (patch: Partial<Draft>) => void
}

const same = (a: PersonRow, b: PersonRow) => a.name === b.name && a.unitId === b.unitId && (a.position ?? '') === (b.position ?? '')

export default function PersonsStep({ draft, units, update }: Props) {
  const inside = subtreeOf(units, draft.ownerUnitId)
  const [name, setName] = useState('')
  const [position, setPosition] = useState('')
  const [unitId, setUnitId] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id
  // Importing the same list twice adds no one twice.
  const addAll = (rows: PersonRow[]) => {
    const fresh = rows.filter((r, i) => !draft.persons.some((p) => same(p, r)) && rows.findIndex((o) => same(o, r)) === i)
    update({ persons: [...draft.persons, ...fresh] })
    return fresh.length
  }

  const add = () => {
    setNote(null)
    addAll([{ name: name.trim(), unitId, ...(position.trim() ? { position: position.trim() } : {}) }])
    setName('')
    setPosition('')
  }
  const importFile = async () => {
    setNote(null)
    setError(null)
    const file = await pickRosterFile()
    if (!file) return
    const res = await call('organize', 'readPersons', { ownerUnitId: draft.ownerUnitId, ...file })
    if (!res.ok) return setError(res.error)
    const added = addAll(res.data.persons)
    const repeated = res.data.persons.length - added
    const skipped = res.data.skipped.map((s) => `第${s.row}行：${s.reason}`).join('；')
    setNote(`已导入 ${added} 人${repeated ? `，${repeated} 人已在名单中` : ''}${skipped ? `，跳过 ${res.data.skipped.length} 行（${skipped}）` : ''}`)
  }

  return (
    <View>
      <View className='qp-card persons'>
        <Text className='qp-card__title'>{`评议对象（${draft.persons.length} 人）`}</Text>
        {draft.persons.length === 0 && <Text className='qp-muted'>逐个添加，或导入名单文件。</Text>}
        {draft.persons.map((p, i) => (
          <View key={`${p.unitId}-${p.name}-${i}`} className='org__row persons__row'>
            <Text className='org__label'>{`${p.name}${p.position ? ` · ${p.position}` : ''} · ${unitName(p.unitId)}`}</Text>
            <Text className='org__chip' onClick={() => update({ persons: draft.persons.filter((_, j) => j !== i) })}>删除</Text>
          </View>
        ))}
        <View className='org__inline-actions'>
          <Button size='small' fill='outline' onClick={() => void importFile()}>导入名单（CSV / Excel）</Button>
        </View>
        <Text className='qp-muted'>导入文件的列：姓名、单位、职务（可选）；单位重名时写上级单位，如“东社区/第一党支部”；Excel 另存的 CSV 也可以。</Text>
        {note && <Text className='org__ok persons__note'>{note}</Text>}
        {error && <Text className='qp-error'>{error.message}</Text>}
      </View>
      <View className='qp-card'>
        <Text className='qp-card__title'>添加一人</Text>
        <Field label='姓名' value={name} maxlength={40} placeholder='例如：王建国' onChange={setName} />
        <Field label='职务（选填）' value={position} maxlength={40} placeholder='例如：支部书记' onChange={setPosition} />
        <Text className='org__field-label'>所在单位</Text>
        <UnitPicker units={inside} selected={[unitId]} onToggle={(u) => setUnitId(u.id)} />
        <View className='org__inline-actions'>
          <Button size='small' type='primary' disabled={!name.trim() || !unitId} onClick={add}>添加</Button>
        </View>
      </View>
    </View>
  )
}
