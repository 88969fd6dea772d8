/**
 * Targets' self-reports shown to evaluators before they vote: each with its approval state. The
 * organiser copies a target's link for its unit contact, writes or approves; a leader only reads.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { copyText } from '../../lib/clipboard'
import { organizerPaths, pageLink } from '../../lib/paths'

interface Props {
  round: RoundDetail
  readOnly: boolean
  onChanged: () => Promise<void>
}

export default function ReportsPanel({ round, readOnly, onChanged }: Props) {
  const [copied, setCopied] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ targetId: string; text: string } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const copy = async (targetId: string) => {
    const link = pageLink(organizerPaths.report(round.id, targetId))
    if (await copyText(link)) setCopied(link)
  }
  const run = async (res: Promise<{ ok: boolean; error?: ApiError }>) => {
    const r = await res
    setError(r.ok ? null : (r.error ?? null))
    if (r.ok) setEditing(null)
    await onChanged()
  }

  return (
    <View className='qp-card reports'>
      <Text className='qp-card__title'>情况报告</Text>
      <Text className='qp-muted'>{`各单位联系人填写，${round.approvesReports ? '您审核通过后' : '经组织方审核通过后（“三评一联”须由督导组即上级单位组织员审核）'}向参评群众展示。`}</Text>
      {round.targets.map((t) => {
        const report = round.reports[t.id]
        const state = !report ? '未填写' : report.approved ? '已审核' : '待审核'
        return (
          <View key={t.id} className='reports__target'>
            <View className='org__row'>
              <Text className='org__label'>{t.name}</Text>
              <Text className={`reports__state reports__state--${!report ? 'none' : report.approved ? 'approved' : 'pending'}`}>{state}</Text>
            </View>
            {report && editing?.targetId !== t.id && <Text className='reports__text'>{report.text}</Text>}
            {editing?.targetId === t.id && (
              <Textarea className='org__input reports__editor' autoHeight maxlength={20000} value={editing.text} onInput={(e) => setEditing({ targetId: t.id, text: e.detail.value })} />
            )}
            {!readOnly && (
              <View className='org__inline-actions'>
                {report && !report.approved && round.approvesReports && (
                  <Button size='small' type='primary' onClick={() => void run(call('organize', 'approveReport', { roundId: round.id, targetId: t.id, revision: report.revision }))}>审核通过</Button>
                )}
                {editing?.targetId === t.id ? (
                  <Button size='small' type='primary' fill='outline' disabled={!editing.text.trim()} onClick={() => void run(call('organize', 'writeReport', { roundId: round.id, targetId: t.id, text: editing.text }))}>保存报告</Button>
                ) : (
                  <Button size='small' fill='outline' onClick={() => setEditing({ targetId: t.id, text: report?.text ?? '' })}>{report ? '修改' : '代为填写'}</Button>
                )}
                <Button size='small' fill='outline' onClick={() => void copy(t.id)}>复制报告填写链接</Button>
              </View>
            )}
          </View>
        )
      })}
      {copied && <Text className='qp-muted'>已复制填写链接，请发给该单位联系人：</Text>}
      {copied && <Text className='org__link reports__copied' userSelect>{copied}</Text>}
      {error && <Text className='qp-error'>{error.message}</Text>}
    </View>
  )
}
