/**
 * One sheet of a paper ballot as read off the paper: row by row (the level ticked, 未选 or 多选), or
 * 废票 / 空白票 outright. What the rows make of the sheet is the core's (`sheetFromReading`), shown as typed.
 */
import { Text, Textarea, View } from '@tarojs/components'
import type { BallotTemplate, ScaleLevel } from '../../../core'
import { type PaperSheet, type RowFault, type RowReading, sheetFromReading, type SheetReading } from '../../../core/paper'
import LevelPicker from '../../../components/LevelPicker'

type Mode = 'rows' | 'spoiled' | 'blank'
export type SheetDraft = { mode: Mode; reading: SheetReading }
export const emptySheet = (): SheetDraft => ({ mode: 'rows', reading: { items: {}, opinion: '' } })

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'rows', label: '逐行录入' },
  { mode: 'spoiled', label: '废票（无法辨认）' },
  { mode: 'blank', label: '空白票' },
]

/** The two answers a paper row can give besides a level; `#` keeps them apart from any level id. */
const FAULTS: Record<RowFault, string> = { unmarked: '未选', several: '多选' }
const faultLevel = (fault: RowFault): ScaleLevel => ({ id: `#${fault}`, label: FAULTS[fault], score: 0, class: 'abstain' })
const rowValue = (r: RowReading | undefined) => (r === undefined ? undefined : 'level' in r ? r.level : `#${r.fault}`)
const rowOf = (id: string): RowReading => (id.startsWith('#') ? { fault: id.slice(1) as RowFault } : { level: id })

/** The sheet as the contract takes it, or null while a row is still unread. */
export function sheetOf(targetId: string, d: SheetDraft, template: BallotTemplate): PaperSheet | null {
  return d.mode === 'rows' ? sheetFromReading(template, targetId, d.reading) : { mark: d.mode, targetId }
}

const COUNTS_AS: Record<PaperSheet['mark'], string> = { ballot: '本页计为有效票', spoiled: '有漏选或多选，本页计为废票，不计入满意率', blank: '一项也未选，本页计为空白票，不计入满意率' }

interface Props {
  name: string
  targetId: string
  template: BallotTemplate
  draft: SheetDraft
  onChange: (d: SheetDraft) => void
}

export default function SheetForm({ name, targetId, template, draft, onChange }: Props) {
  const levels = [...template.scale.levels, faultLevel('unmarked'), faultLevel('several')]
  const { reading } = draft
  const read = (r: Partial<SheetReading>) => onChange({ ...draft, reading: { ...reading, ...r } })
  const counted = draft.mode === 'rows' ? sheetFromReading(template, targetId, reading) : null
  return (
    <View className='qp-card paper-sheet'>
      <Text className='qp-card__title'>{name}</Text>
      <View className='org__chips'>
        {MODES.map((m) => (
          <Text key={m.mode} className={`org__chip${draft.mode === m.mode ? ' org__chip--on' : ''}`} onClick={() => onChange({ ...draft, mode: m.mode })}>{m.label}</Text>
        ))}
      </View>
      {draft.mode === 'rows' && (
        <>
          <Text className='qp-muted'>每行照票面选择所划的等次；没有划的选“未选”，划了两个以上的选“多选”。</Text>
          <LevelPicker label={template.overall.label} levels={levels} value={rowValue(reading.overall)} strong row onChange={(id) => read({ overall: rowOf(id) })} />
          {template.sections.map((s) => (
            <View key={s.id}>
              <Text className='org__field-label'>{s.title}</Text>
              {s.items.map((i) => (
                <LevelPicker key={i.id} label={i.label} levels={levels} value={rowValue(reading.items[i.id])} row onChange={(id) => read({ items: { ...reading.items, [i.id]: rowOf(id) } })} />
              ))}
            </View>
          ))}
          {template.opinion.enabled && (
            <Textarea className='org__input' placeholder='意见建议（照票面录入，没有可不填）' maxlength={template.opinion.maxLength} value={reading.opinion} onInput={(e) => read({ opinion: e.detail.value })} />
          )}
          {counted && <Text className={`paper-sheet__counts paper-sheet__counts--${counted.mark}`}>{COUNTS_AS[counted.mark]}</Text>}
        </>
      )}
    </View>
  )
}
