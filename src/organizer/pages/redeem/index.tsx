/**
 * The one 输入邀请码 box: a roster code enrols a resident in their category and unit and opens the
 * round; a role code makes its holder an organizer, leader or unit contact under the name they
 * type; the one-time setup code printed at first start makes the first admin. The resident never
 * says which kind: the server does.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import { roundPath } from '../../../services/links'
import Field from '../../components/Field'
import OrgHead from '../../components/OrgHead'
import { ROLE_NAMES } from '../../lib/labels'
import { organizerPaths } from '../../lib/paths'
import '../../organizer.scss'

/** What the server said the code is, once asked: a role or the setup code needs the holder's name. */
type Kind = 'roster' | 'role' | 'setup'
const NAMED: Record<Exclude<Kind, 'roster'>, string> = { role: '这是工作人员邀请码。', setup: '这是系统初始化码，只能使用一次，使用者成为系统管理员。' }

export default function RedeemPage() {
  const [kind, setKind] = useState<Kind | null>(null)
  // A slip's mini-program code arrives with its code filled in; the resident only confirms.
  const params = Taro.getCurrentInstance().router?.params
  const [code, setCode] = useState(() => params?.code ?? '')
  const [name, setName] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [granted, setGranted] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const enrol = async () => {
    const res = await call('evaluate', 'redeem', { code: code.trim() })
    // Back to the round through the channel the resident came by (a meeting's QR): the server ignores one not of that round.
    if (res.ok) return void Taro.redirectTo({ url: `/${roundPath(res.data.roundId, params?.channel || undefined)}` })
    setError(res.error)
  }
  const grant = async (k: Exclude<Kind, 'roster'>) => {
    const res = k === 'setup'
      ? await call('organize', 'claimSetup', { setupCode: code.trim(), displayName: name.trim() })
      : await call('organize', 'redeemRole', { code: code.trim(), displayName: name.trim() })
    if (res.ok) setGranted(ROLE_NAMES[res.data.role])
    else setError(res.error)
  }
  // The server says what the code is before anything is redeemed, so no one picks a type and no code is spent by the wrong action.
  const redeem = async () => {
    setBusy(true)
    setError(null)
    if (kind && kind !== 'roster') await grant(kind)
    else {
      const asked = await call('organize', 'codeKind', { code: code.trim() })
      if (!asked.ok) setError(asked.error)
      else if (asked.data.kind === 'roster') await enrol()
      else setKind(asked.data.kind)
    }
    setBusy(false)
  }
  const edit = (value: string) => {
    setCode(value)
    setKind(null)
    setError(null)
  }

  if (granted) {
    return (
      <Screen>
        <StatusScreen tone='done' title={`您已成为${granted}`} message={`${name.trim()}，欢迎使用群评工作台。`} action={{ label: '进入工作台', onClick: () => void Taro.redirectTo({ url: organizerPaths.workbench }) }} />
      </Screen>
    )
  }
  const named = kind === 'role' || kind === 'setup'
  const ready = code.trim().length >= 4 && (!named || name.trim().length > 0)
  return (
    <Screen className='org'>
      <OrgHead title='输入邀请码' sub='参加评议的邀请码、工作人员邀请码和初始化码都在这里输入。' />
      <View className='qp-card'>
        <Field label='邀请码' maxlength={64} value={code} placeholder='请输入收到的邀请码' onChange={edit} />
        {named && <Text className='qp-muted redeem__kind'>{NAMED[kind]}</Text>}
        {named && <Field label='您的姓名（将显示在操作记录中）' maxlength={40} value={name} placeholder='例如：陈明' onChange={setName} />}
      </View>
      {error && <Text className='qp-error'>{error.message}</Text>}
      <View className='qp-actions'>
        <Button type='primary' size='xlarge' block disabled={!ready} loading={busy} onClick={() => void redeem()}>
          确定
        </Button>
      </View>
    </Screen>
  )
}
