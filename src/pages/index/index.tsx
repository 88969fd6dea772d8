/** Home: the rounds I may rate, who I am, and the 关怀 switch. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { Me } from '../../api/evaluate'
import CareToggle from '../../components/CareToggle'
import { ROLE_NAMES } from '../../components/roleNames'
import DevSignIn from '../../components/DevSignIn'
import Row from '../../components/Row'
import Screen from '../../components/Screen'
import { call } from '../../services/api'
import { signOut } from '../../services/devSession'
import { dashboardPaths, progressPath, roundPath } from '../../services/links'
import RoundList from './RoundList'
import './index.scss'

export default function Index() {
  const [me, setMe] = useState<Me | null>(null)
  const [error, setError] = useState<{ code: string; message: string } | null>(null)

  const load = useCallback(async () => {
    const res = await call('evaluate', 'me', {})
    if (res.ok) {
      setMe(res.data)
      setError(null)
    } else setError(res.error)
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  // A poster's or slip's mini-program code opens this page with a short `scene`: a round and its channel, or a roster code to redeem.
  useEffect(() => {
    const scene = Taro.getCurrentInstance().router?.params.scene
    if (!scene) return
    void call('evaluate', 'resolveScene', { scene: decodeURIComponent(scene) }).then((res) => {
      if (res.ok && res.data.code) void Taro.redirectTo({ url: `/organizer/pages/redeem/index?code=${res.data.code}` })
      else if (res.ok) void Taro.redirectTo({ url: `/${roundPath(res.data.roundId, res.data.channel ?? undefined)}` })
      else setError(res.error)
    })
  }, [])

  if (process.env.TARO_ENV === 'h5' && error?.code === 'UNAUTHENTICATED') return <DevSignIn onSignedIn={() => void load()} />
  const ledger = me?.rectification
  // A contact's unreminded items, a supervisor's 销号 reviews and verdict steps: one badge on the workbench.
  const todo = ledger ? ledger.todo + ledger.review + ledger.verdicts.reduce((n, v) => n + v.count, 0) : 0

  return (
    <Screen className='home'>
      <View className='home__banner'>
        <Text className='home__title'>群众评议</Text>
        <Text className='home__subtitle'>您的评价，推动身边的党组织更好地服务群众</Text>
      </View>
      {error && <Text className='home__error'>{error.message}</Text>}
      {/* Above the rounds, so whoever holds a role finds it without scrolling. */}
      {me?.roles.some((r) => r.role !== 'contact') && (
        <Row className='home__dashboard' title='数据看板' note='满意率、参与情况、需要关注的单位' extra='查看 ›' onClick={() => void Taro.navigateTo({ url: dashboardPaths.area() })} />
      )}
      {/* The workbench lists the to-dos: items WeChat could not remind a contact of (no opt-in left), 销号 to review, verdicts to confirm. */}
      {me && me.roles.length > 0 && <Row className='home__workbench' title='工作台' extra={todo ? `待办 ${todo} ›` : '进入 ›'} onClick={() => void Taro.navigateTo({ url: '/organizer/pages/workbench/index' })} />}
      {/* Residents learn their rating led to something: shown only when a target they rated has items. */}
      {!!ledger?.items && <Row className='home__progress' title='我评议过的单位整改进展' extra={`已销号 ${ledger.closed}/${ledger.items}`} onClick={() => void Taro.navigateTo({ url: progressPath })} />}
      {me && <RoundList />}
      <CareToggle />
      {me && (
        <View>
          <Row className='home__redeem' title='输入邀请码' extra='›' onClick={() => void Taro.navigateTo({ url: '/organizer/pages/redeem/index' })} />
          {/* Only the local experience has several identities to tell apart; in WeChat the tag would mean nothing to a resident. */}
          {process.env.TARO_ENV === 'h5' && <Row className='home__tag' title='我的编号' note='本地体验：用来分辨当前登录的身份' extra={me.tag} />}
          {me.roles.map((r) => (
            <Row key={`${r.role}-${r.unitId}`} title={ROLE_NAMES[r.role]} extra={r.unitName} />
          ))}
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && me && (
        <Button className='home__switch' fill='outline' onClick={() => void signOut().then(load)}>
          切换身份
        </Button>
      )}
    </Screen>
  )
}
