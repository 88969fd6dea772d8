/** Step 1: the procedure's built-in template (as the server lists them), the round's title and the organizing unit. */
import { Text, View } from '@tarojs/components'
import type { UnitView } from '../../../api/organize'
import type { BuiltinTemplate } from '../../../core/templates'
import Field from '../../components/Field'
import { fromTemplate, type Draft } from '../../lib/draft'

interface Props {
  draft: Draft
  templates: BuiltinTemplate[]
  ownerUnits: UnitView[]
  update: (patch: Partial<Draft>) => void
}

export default function TemplateStep({ draft, templates, ownerUnits, update }: Props) {
  return (
    <View>
      <View className='qp-card'>
        <Text className='qp-card__title'>评议模板</Text>
        {templates.length === 0 && <Text className='qp-muted'>正在加载模板…</Text>}
        {templates.map((t) => (
          <View
            key={t.id}
            className={`org__option template-option${draft.template?.id === t.id ? ' org__option--on' : ''}`}
            onClick={() => update(fromTemplate(t))}
          >
            <Text className='org__option-name'>{t.name}</Text>
            <Text className='qp-muted'>{`${t.ballot.name} · ${t.categories.length} 类参评人员`}</Text>
          </View>
        ))}
      </View>
      <View className='qp-card'>
        <Field label='评议名称' maxlength={200} value={draft.title} placeholder='例如：阳光街道2026年度两评一树' onChange={(title) => update({ title })} />
        <Text className='org__field-label create__owner-label'>主办单位</Text>
        <View className='org__chips'>
          {ownerUnits.map((u) => (
            <Text key={u.id} className={`org__chip${draft.ownerUnitId === u.id ? ' org__chip--on' : ''}`} onClick={() => update({ ownerUnitId: u.id })}>
              {u.name}
            </Text>
          ))}
        </View>
      </View>
    </View>
  )
}
