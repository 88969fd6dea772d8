/** Adding a unit under one of the org tree's units (admins anywhere, organisers within their subtree). */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { UnitView } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import MissingHint from '../../components/MissingHint'
import { missingName } from '../../lib/missing'
import Field from '../../components/Field'
import OrgHead from '../../components/OrgHead'
import UnitPicker from '../../components/UnitPicker'
import { KIND_NAMES, NEW_UNIT_KINDS } from '../../lib/labels'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

type Kind = (typeof NEW_UNIT_KINDS)[number]

export default function UnitsPage() {
  const units = useLoad(() => call('organize', 'myUnits', {}), [])
  const [parent, setParent] = useState<UnitView | null>(null)
  const [kind, setKind] = useState<Kind>('branch')
  const [name, setName] = useState('')
  const [added, setAdded] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const add = async () => {
    if (!parent) return
    setBusy(true)
    const res = await call('organize', 'createUnit', { name: name.trim(), parentId: parent.id, kind })
    setBusy(false)
    setError(res.ok ? null : res.error)
    if (!res.ok) return
    setAdded(`已在“${parent.name}”下添加${KIND_NAMES[res.data.kind]}“${res.data.name}”。`)
    setName('')
    await units.reload()
  }

  return (
    <Screen className='org'>
      <OrgHead title='单位管理' sub='在组织架构中添加下级单位；新单位可作为评议对象，也可在其中邀请联系人。' />
      {(error ?? units.error) && <Text className='qp-error'>{(error ?? units.error)?.message}</Text>}
      <View className='qp-card'>
        <Text className='qp-card__title'>上级单位</Text>
        <UnitPicker units={units.data?.units ?? []} selected={parent ? [parent.id] : []} onToggle={setParent} />
      </View>
      <View className='qp-card'>
        <Text className='qp-card__title'>新单位</Text>
        <View className='org__chips'>
          {NEW_UNIT_KINDS.map((k) => (
            <Text key={k} className={`org__chip units__kind${k === kind ? ' org__chip--on' : ''}`} onClick={() => setKind(k)}>
              {KIND_NAMES[k]}
            </Text>
          ))}
        </View>
        <Field label='单位名称' maxlength={100} value={name} placeholder='例如：幸福社区第四网格党支部' onChange={setName} />
        {added && <Text className='org__ok units__added'>{added}</Text>}
        <View className='qp-actions'>
          {parent && <MissingHint missing={missingName(name, '单位名称')} />}
          <Button type='primary' size='large' block disabled={!parent || !name.trim()} loading={busy} onClick={() => void add()}>
            {parent ? `添加到“${parent.name}”下` : '请先选择上级单位'}
          </Button>
        </View>
      </View>
    </Screen>
  )
}
