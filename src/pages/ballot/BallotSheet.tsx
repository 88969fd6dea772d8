/** One target's ballot: the overall rating first, then each section's items, then the opinion box. */
import { Text, Textarea, View } from '@tarojs/components'
import type { BallotTemplate } from '../../core/ballotTemplate'
import LevelPicker from '../../components/LevelPicker'
import { fillItems, unanswered, type Sheet } from './sheet'

interface Props {
  template: BallotTemplate
  sheet: Sheet
  onChange: (sheet: Sheet) => void
  /** Row ids to flag as unanswered. */
  missing: string[]
  /** The server's refusal for this target (e.g. an opinion that failed the content check). */
  refusal?: string
}

export default function BallotSheet({ template, sheet, onChange, missing, refusal }: Props) {
  const { scale, opinion } = template
  const setItem = (id: string, level: string) => onChange({ ...sheet, items: { ...sheet.items, [id]: level } })
  const overallLabel = scale.levels.find((l) => l.id === sheet.overall)?.label
  const open = unanswered(template, sheet).length
  return (
    <View>
      <View className='qp-card'>
        <LevelPicker label={template.overall.label} levels={scale.levels} value={sheet.overall} strong missing={missing.includes('overall')} onChange={(overall) => onChange({ ...sheet, overall })} />
        {overallLabel && open > 0 && (
          <View className='ballot__fill' role='button' onClick={() => onChange(fillItems(template, sheet))}>
            {`以下 ${open} 项都选“${overallLabel}”，再改个别项`}
          </View>
        )}
      </View>
      {template.sections.map((section) => (
        <View key={section.id} className='qp-card'>
          <Text className='qp-card__title'>{section.title}</Text>
          {section.items.map((item) => (
            <LevelPicker key={item.id} label={item.label} levels={scale.levels} value={sheet.items[item.id]} missing={missing.includes(item.id)} onChange={(l) => setItem(item.id, l)} />
          ))}
        </View>
      ))}
      {opinion.enabled && (
        <View className='qp-card'>
          <Text className='qp-card__title'>意见建议（选填）</Text>
          {refusal && <Text className='ballot__refusal'>{refusal}</Text>}
          <Textarea
            className={refusal ? 'ballot__opinion ballot__opinion--refused' : 'ballot__opinion'}
            value={sheet.opinion}
            maxlength={opinion.maxLength}
            placeholder='有什么想对他们说的，可以写在这里'
            onInput={(e) => onChange({ ...sheet, opinion: e.detail.value })}
          />
          <Text className='qp-muted ballot__count'>
            {[...sheet.opinion].length}/{opinion.maxLength}
          </Text>
        </View>
      )}
    </View>
  )
}
