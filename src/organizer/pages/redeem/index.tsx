/**
 * Redeeming a code: a roster code enrols a resident in their category and unit and opens the round;
 * a role code makes its holder an organizer, leader or unit contact under the name they type; the
 * one-time setup code printed at first start makes the first admin.
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

type Mode = 'roster' | 'role' | 'setup'
const MODES: Record<Mode, string> = { roster: '参加评议的邀请码', role: '工作人员邀请码', setup: '系统初始化码' }

export default function RedeemPage() {
  const [mode, setMode] = useState<Mode>('roster')
  // A slip's mini-program code arrives with its code filled in; the resident only confirms.
  const [code, setCode] = useState(() => Taro.getCurrentInstance().router?.params.code ?? '')
  const [name, setName] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [granted, setGranted] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const redeem = async () => {
    setBusy(true)
    setError(null)
    if (mode === 'roster') {
      const res = await call('evaluate', 'redeem', { code: code.trim() })
      setBusy(false)
      if (res.ok) return void Taro.redirectTo({ url: `/${roundPath(res.data.roundId)}` })
      return setError(res.error)
    }
    const res =
      mode === 'setup'
        ? await call('organize', 'claimSetup', { setupCode: code.trim(), displayName: name.trim() })
        : await call('organize', 'redeemRole', { code: code.trim(), displayName: name.trim() })
    setBusy(false)
    if (res.ok) setGranted(ROLE_NAMES[res.data.role])
    else setError(res.error)
  }

  if (granted) {
    return (
      <Screen>
        <StatusScreen tone='done' title={`您已成为${granted}`} message={`${name.trim()}，欢迎使用群评工作台。`} action={{ label: '进入工作台', onClick: () => void Taro.redirectTo({ url: organizerPaths.workbench }) }} />
      </Screen>
    )
  }
  const ready = code.trim().length >= 4 && (mode === 'roster' || name.trim().length > 0)
  return (
    <Screen className='org'>
      <OrgHead title='输入邀请码' sub='邀请码由评议组织方或管理员发给您。' />
      <View className='qp-card'>
        <Text className='qp-card__title'>这是什么邀请码？</Text>
        <View className='org__chips'>
          {(Object.keys(MODES) as Mode[]).map((m) => (
            <Text key={m} className={`org__chip redeem__mode${m === mode ? ' org__chip--on' : ''}`} onClick={() => setMode(m)}>
              {MODES[m]}
            </Text>
          ))}
        </View>
        <Field
          label={mode === 'setup' ? '初始化码' : '邀请码'}
          maxlength={mode === 'setup' ? 64 : 16}
          value={code}
          placeholder={mode === 'setup' ? '首次启动时打印的初始化码' : '请输入邀请码'}
          onChange={setCode}
        />
        {mode === 'setup' && <Text className='qp-muted'>初始化码只能使用一次，使用者成为系统管理员。</Text>}
        {mode !== 'roster' && <Field label='您的姓名（将显示在操作记录中）' maxlength={40} value={name} placeholder='例如：陈明' onChange={setName} />}
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
