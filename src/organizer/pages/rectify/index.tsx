/**
 * 登记整改事项 for one target (`?roundId&targetId`): from a verdict that calls for rectification (the
 * problem pre-filled from its explanation) or from opinions the k rule shows, with 三定 — measures,
 * the owner (a contact of the unit) and the deadline; 立行立改 gives a short default deadline.
 */
import { Button, DatePicker } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '../../../api/result'
import { inShanghai } from '../../../core/time'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import OrgHead from '../../components/OrgHead'
import { dayOf, ledgerPaths } from '../../lib/ledger'
import { organizerPaths } from '../../lib/paths'
import { useLoad } from '../../lib/useLoad'
import '../../organizer.scss'

export default function RegisterPage() {
  const params = useRouter().params
  const roundId = decodeURIComponent(params.roundId ?? '')
  const targetId = decodeURIComponent(params.targetId ?? '')
  const candidates = useLoad(() => call('organize', 'ledgerCandidates', { roundId, targetId }), [roundId, targetId])
  const [ruleId, setRuleId] = useState<string | null>(null)
  const [opinionIds, setOpinionIds] = useState<string[]>([])
  const [problem, setProblem] = useState('')
  const [measures, setMeasures] = useState('')
  const [owner, setOwner] = useState<string | null>(null)
  const [day, setDay] = useState('')
  const [urgent, setUrgent] = useState(false)
  const [picking, setPicking] = useState(false)
  // Tomorrow to two years on, fixed for the page's life (NutUI rebuilds its wheels on new bounds).
  const [bounds] = useState(() => ({ startDate: inShanghai(new Date()).add(1, 'day').toDate(), endDate: inShanghai(new Date()).add(2, 'year').toDate() }))
  const [error, setError] = useState<ApiError | null>(null)

  if (candidates.error) return <Screen><StatusScreen tone='info' title='暂时不能登记整改事项' message={candidates.error.message} action={{ label: '重试', onClick: () => void candidates.reload() }} /></Screen>
  const c = candidates.data
  if (!c) return <Screen><Text className='qp-muted'>正在加载…</Text></Screen>

  const chooseVerdict = (id: string, explanation: string) => {
    setRuleId(id)
    setOpinionIds([])
    setProblem(explanation)
  }
  const toggleOpinion = (id: string, text: string) => {
    setRuleId(null)
    const next = opinionIds.includes(id) ? opinionIds.filter((o) => o !== id) : [...opinionIds, id]
    setOpinionIds(next)
    if (!problem.trim() || opinionIds.length === 0) setProblem(text)
  }
  const source = ruleId ? { kind: 'verdict' as const, ruleId } : opinionIds.length ? { kind: 'opinions' as const, opinionIds } : null
  const submit = async () => {
    if (!source || !owner) return
    const deadline = day ? inShanghai(`${day}T23:59:59+08:00`).format() : undefined
    const res = await call('organize', 'registerItem', { roundId, targetId, source, problem: problem.trim(), responsibility: measures.trim(), ownerHolderId: owner, urgent, ...(deadline ? { deadline } : {}) })
    setError(res.ok ? null : res.error)
    if (res.ok) void Taro.redirectTo({ url: ledgerPaths.item(res.data.id) })
  }

  return (
    <Screen className='org ledger'>
      <OrgHead title='登记整改事项' sub={`${c.targetName} · 责任单位 ${c.ownerUnitName}`} />
      <View className='qp-card'>
        <Text className='qp-card__title'>问题来源</Text>
        {c.verdicts.filter((v) => v.offered).map((v) => (
          <View key={v.ruleId} className={`ledger__choice${ruleId === v.ruleId ? ' ledger__choice--on' : ''}`} onClick={() => chooseVerdict(v.ruleId, v.explanation)}>
            <Text className='ledger__choice-title'>{`评议结果：${v.ruleName}`}</Text>
            <Text className='qp-muted'>{v.explanation}</Text>
          </View>
        ))}
        {c.opinions.length > 0 && <Text className='ledger__label'>群众意见（可多选，合并为一个问题）</Text>}
        {c.opinions.map((o) => (
          <View key={o.id} className={`ledger__choice${opinionIds.includes(o.id) ? ' ledger__choice--on' : ''}`} onClick={() => toggleOpinion(o.id, o.text)}>
            <Text>{o.text}</Text>
          </View>
        ))}
        {c.opinionsWithheld && <Text className='qp-muted'>{c.opinionsWithheld}</Text>}
        {!c.verdicts.some((v) => v.offered) && c.opinions.length === 0 && <Text className='qp-muted'>这个对象目前没有需要整改的认定结果，也没有可以查看的群众意见。</Text>}
      </View>
      <View className='qp-card'>
        <Text className='qp-card__title'>三定</Text>
        <Text className='ledger__label'>问题</Text>
        <Textarea className='org__input' autoHeight maxlength={2000} value={problem} placeholder='问题描述' onInput={(e) => setProblem(e.detail.value)} />
        <Text className='ledger__label'>定职责：整改措施</Text>
        <Textarea className='org__input' autoHeight maxlength={2000} value={measures} placeholder='要做什么、做到什么程度' onInput={(e) => setMeasures(e.detail.value)} />
        <Text className='ledger__label'>定人员：责任人（本单位联系人）</Text>
        {c.contacts.map((p) => (
          <Text key={p.holderId} className={`ledger__chip${owner === p.holderId ? ' ledger__chip--on' : ''}`} onClick={() => setOwner(p.holderId)}>{p.name}</Text>
        ))}
        {c.contacts.length === 0 && (
          <Text className='qp-muted ledger__link' onClick={() => void Taro.navigateTo({ url: organizerPaths.invite })}>该单位还没有单位联系人：先邀请一位 ›</Text>
        )}
        <Text className='ledger__label'>定时间：整改时限</Text>
        <View className={`ledger__chip ledger__urgent${urgent ? ' ledger__chip--on' : ''}`} role='switch' aria-checked={urgent} onClick={() => setUrgent(!urgent)}>
          {urgent ? '✓ 立行立改' : '立行立改'}
        </View>
        <Text className='org__input ledger__date' onClick={() => setPicking(true)}>{day || (urgent ? `${dayOf(c.urgentDeadline)}（立行立改默认 7 天）` : '请选择日期')}</Text>
        {/* NutUI's picker, as the create wizard's window: Taro's own Picker would add a template to every package. */}
        {picking && (
          <DatePicker
            visible
            type='date'
            showChinese
            title='选择整改时限'
            {...bounds}
            onConfirm={(_, [y, m, d]) => setDay(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)}
            onClose={() => setPicking(false)}
          />
        )}
      </View>
      <View className='qp-actions'>
        <Button type='primary' size='large' block disabled={!source || !owner || !problem.trim() || !measures.trim() || (!day && !urgent)} onClick={() => void submit()}>登记</Button>
      </View>
      {error && <Text className='qp-error'>{error.message}</Text>}
    </Screen>
  )
}
