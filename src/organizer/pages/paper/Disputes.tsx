/** 待核对: paper ballots whose two entries differ, both readings side by side for the third person, who enters it from the paper. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { RoundDetail } from '../../../api/organize'
import type { PaperDispute } from '../../../api/paper'
import type { PaperSheet } from '../../../core'

function reading(round: RoundDetail, s: PaperSheet): string {
  const name = (id: string) => round.targets.find((t) => t.id === id)?.name ?? id
  if (s.mark === 'spoiled' && s.faults) {
    const item = (id: string) => round.template.sections.flatMap((sec) => sec.items).find((i) => i.id === id)?.label ?? id
    const rows = [...(s.faults.overall ? [[round.template.overall.label, s.faults.overall] as const] : []), ...Object.entries(s.faults.items).map(([id, f]) => [item(id), f] as const)]
    return `${name(s.targetId)}：废票（${rows.map(([label, f]) => `${label}${f === 'unmarked' ? '未选' : '多选'}`).join('；')}）`
  }
  if (s.mark !== 'ballot') return `${name(s.targetId)}：${s.mark === 'spoiled' ? '废票（无法辨认）' : '空白票'}`
  const level = (id: string) => round.template.scale.levels.find((l) => l.id === id)?.label ?? id
  const items = round.template.sections.flatMap((sec) => sec.items).map((i) => level(s.ballot.items[i.id] ?? ''))
  return `${name(s.ballot.targetId)}：${round.template.overall.label} ${level(s.ballot.overall)}；各项 ${items.join('、')}${s.ballot.opinion ? `；意见 ${s.ballot.opinion}` : ''}`
}

export default function Disputes({ round, disputes, onSettle }: { round: RoundDetail; disputes: PaperDispute[]; onSettle: (serial: string) => void }) {
  if (disputes.length === 0) return null
  return (
    <View className='qp-card paper-disputes'>
      <Text className='qp-card__title'>{`待核对（${disputes.length} 张）`}</Text>
      <Text className='qp-muted'>两次录入不一致，尚未计入。请两位录入人以外的组织员对照原票，重新录入一次即为核对结果。</Text>
      {disputes.map((d) => (
        <View key={d.serial} className='org__section paper-dispute'>
          <Text className='org__field-label'>{`编号 ${d.serial}${d.codesAgree ? '' : '（两次录入的邀请码不同）'}`}</Text>
          {d.entries.map((e, i) => (
            <View key={i}>
              <Text className='qp-muted'>{`第${i === 0 ? '一' : '二'}次录入：`}</Text>
              {e.sheets.map((s, j) => <Text key={j} className='paper-dispute__reading'>{reading(round, s)}</Text>)}
            </View>
          ))}
          {d.mine ? <Text className='qp-muted'>您录入过这张票，须由他人核对。</Text> : <Button size='small' type='primary' fill='outline' onClick={() => onSettle(d.serial)}>核对这张票</Button>}
        </View>
      ))}
    </View>
  )
}
