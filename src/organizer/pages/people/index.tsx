/** Role holders of my subtree (who invited them, when) and taking a role back, offered only where the server says the caller may. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RoleHolder } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import { When } from '../../../components/When'
import OrgHead from '../../components/OrgHead'
import { ROLE_NAMES } from '../../lib/labels'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

export default function PeoplePage() {
  const list = useLoad(() => call('organize', 'listRoleHolders', {}), [])
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState('')

  const revoke = async (h: RoleHolder) => {
    const { confirm } = await Taro.showModal({
      title: '撤销角色',
      content: `撤销后，${h.name}立即不能再以${h.unitName}${ROLE_NAMES[h.role]}的身份操作。确定撤销吗？`,
    })
    if (!confirm) return
    const res = await call('organize', 'revokeRole', { holderId: h.id })
    // The list first: the message must not stand beside a holder who is already gone.
    if (res.ok) await list.reload()
    setError(res.ok ? null : res.error)
    setDone(res.ok ? `已撤销${h.name}的${ROLE_NAMES[h.role]}角色。` : '')
  }

  return (
    <Screen className='org'>
      <OrgHead title='人员与角色' sub='本单位及下级单位中持有角色的人' />
      {(list.error ?? error) && <Text className='qp-error'>{(list.error ?? error)?.message}</Text>}
      {done && <Text className='org__ok'>{done}</Text>}
      {list.data?.holders.length === 0 && <Text className='org__empty'>还没有人接受邀请。</Text>}
      {list.data?.holders.map((h) => (
        <View key={h.id} className='qp-card people__holder'>
          <Text className='qp-card__title'>{`${h.name} · ${ROLE_NAMES[h.role]}`}</Text>
          <Text className='qp-muted'>{`${h.unitName}　${h.invitedBy ? `由${h.invitedBy}邀请` : '用初始化码认领'}　`}<When at={h.at} />加入</Text>
          {h.revocable && (
            <View className='org__inline-actions'>
              <Button size='small' fill='outline' type='danger' onClick={() => void revoke(h)}>
                撤销角色
              </Button>
            </View>
          )}
        </View>
      ))}
      <Text className='qp-muted people__note'>只有您可以撤销的角色才显示“撤销角色”。部署时在环境变量 QUNPING_ADMIN_OPENIDS 中指定的管理员不在此列，也不能在小程序里撤销，需由部署人员修改环境变量。最后一位全部单位的管理员不能撤销。</Text>
    </Screen>
  )
}
