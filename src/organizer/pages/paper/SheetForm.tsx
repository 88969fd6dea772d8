/** One sheet of a paper ballot as read off the paper: a ballot (overall, items, opinion), or 废票 / 空白票. */
import { Text, Textarea, View } from '@tarojs/components'
import type { BallotTemplate, PaperSheet } from '../../../core'
import LevelPicker from '../../../components/LevelPicker'

export type SheetDraft = { mark: PaperSheet['mark']; overall?: string; items: Record<string, string>; opinion: string }
export const emptySheet = (): SheetDraft => ({ mark: 'ballot', items: {}, opinion: '' })

const MARKS: { mark: PaperSheet['mark']; label: string }[] = [
  { mark: 'ballot', label: '有效票' },
  { mark: 'spoiled', label: '废票（无法辨认）' },
  { mark: 'blank', label: '空白票' },
]

/** The sheet as the contract takes it, or null while a level is still missing. */
export function sheetOf(targetId: string, d: SheetDraft, template: BallotTemplate): PaperSheet | null {
  if (d.mark !== 'ballot') return { mark: d.mark, targetId }
  const items = template.sections.flatMap((s) => s.items)
  if (!d.overall || items.some((i) => !d.items[i.id])) return null
  const opinion = d.opinion.trim()
  return { mark: 'ballot', ballot: { targetId, overall: d.overall, items: d.items, ...(opinion ? { opinion } : {}) } }
}

interface Props {
  name: string
  template: BallotTemplate
  draft: SheetDraft
  onChange: (d: SheetDraft) => void
}

export default function SheetForm({ name, template, draft, onChange }: Props) {
  const levels = template.scale.levels
  return (
    <View className='qp-card paper-sheet'>
      <Text className='qp-card__title'>{name}</Text>
      <View className='org__chips'>
        {MARKS.map((m) => (
          <Text key={m.mark} className={`org__chip${draft.mark === m.mark ? ' org__chip--on' : ''}`} onClick={() => onChange({ ...draft, mark: m.mark })}>{m.label}</Text>
        ))}
      </View>
      {draft.mark === 'ballot' && (
        <>
          <LevelPicker label={template.overall.label} levels={levels} value={draft.overall} strong onChange={(overall) => onChange({ ...draft, overall })} />
          {template.sections.map((s) => (
            <View key={s.id}>
              <Text className='org__field-label'>{s.title}</Text>
              {s.items.map((i) => (
                <LevelPicker key={i.id} label={i.label} levels={levels} value={draft.items[i.id]} row onChange={(level) => onChange({ ...draft, items: { ...draft.items, [i.id]: level } })} />
              ))}
            </View>
          ))}
          {template.opinion.enabled && (
            <Textarea className='org__input' placeholder='意见建议（照票面录入，没有可不填）' maxlength={template.opinion.maxLength} value={draft.opinion} onInput={(e) => onChange({ ...draft, opinion: e.detail.value })} />
          )}
        </>
      )}
    </View>
  )
}
