/**
 * Inviting someone to a role within a unit's subtree, offering only the roles and units the server
 * says the inviter may grant: the code is shown big and copyable.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InvitationCode, RoleName } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import CodeCard from '../../components/CodeCard'
import OrgHead from '../../components/OrgHead'
import UnitPicker from '../../components/UnitPicker'
import { ROLE_NAMES } from '../../lib/labels'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

const ROLE_ORDER: RoleName[] = ['organizer', 'leader', 'contact', 'admin']

export default function InvitePage() {
  const units = useLoad(() => call('organize', 'myUnits', {}), [])
  const grantable = units.data?.grantable ?? []
  const roles = ROLE_ORDER.filter((r) => grantable.some((g) => g.roles.includes(r)))
  const [chosen, setRole] = useState<RoleName | null>(null)
  const role = chosen && roles.includes(chosen) ? chosen : roles[0]
  const [unitId, setUnitId] = useState<string | null>(null)
  const [code, setCode] = useState<InvitationCode | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const invite = async () => {
    if (!unitId || !role) return
    setBusy(true)
    const res = await call('organize', 'inviteRole', { role, unitId, maxUses: 1 })
    setBusy(false)
    if (res.ok) setCode(res.data)
    setError(res.ok ? null : res.error)
  }
  const unitName = (id: string) => units.data?.units.find((u) => u.id === id)?.name ?? id
  const grantableUnits = (units.data?.units ?? []).filter((u) => grantable.some((g) => g.unitId === u.id && role && g.roles.includes(role)))
  const choose = (r: RoleName) => {
    setRole(r)
    // A unit picked for another role may not take this one.
    if (unitId && !grantable.some((g) => g.unitId === unitId && g.roles.includes(r))) setUnitId(null)
  }

  return (
    <Screen className='org'>
      <OrgHead title='角色邀请' sub='对方在“输入邀请码”中填写后，即获得该单位及下级单位的相应权限。' />
      {(error ?? units.error) && <Text className='qp-error'>{(error ?? units.error)?.message}</Text>}
      {code ? (
        <CodeCard title={`${role ? ROLE_NAMES[role] : ''}邀请码 · ${unitName(code.unitId)}`} code={code.code} note={`可使用 ${code.usesLeft} 次。请当面或通过可信渠道告知对方。`} />
      ) : (
        <View className='qp-card'>
          <Text className='qp-card__title'>邀请担任</Text>
          <View className='org__chips'>
            {roles.map((r) => (
              <Text key={r} className={`org__chip${r === role ? ' org__chip--on' : ''}`} onClick={() => choose(r)}>
                {ROLE_NAMES[r]}
              </Text>
            ))}
          </View>
          <Text className='qp-card__title invite__unit-title'>所在单位</Text>
          <UnitPicker units={grantableUnits} selected={unitId ? [unitId] : []} onToggle={(u) => setUnitId(u.id)} />
          <View className='qp-actions'>
            <Button type='primary' size='large' block disabled={!unitId} loading={busy} onClick={() => void invite()}>
              生成邀请码
            </Button>
          </View>
        </View>
      )}
      {code && (
        <View className='qp-actions'>
          <Button fill='outline' block onClick={() => setCode(null)}>
            再邀请一位
          </Button>
        </View>
      )}
    </Screen>
  )
}
