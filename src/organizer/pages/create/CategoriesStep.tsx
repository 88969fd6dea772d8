/** Step 3: the template's evaluator categories: who takes part (link or roster) and how many per unit. */
import { Text, View } from '@tarojs/components'
import type { EvaluatorCategory } from '../../../core/category'
import Field from '../../components/Field'
import type { Draft } from '../../lib/draft'
import { ACCESS_NAMES, SCOPE_NAMES } from '../../lib/labels'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

export default function CategoriesStep({ draft, update }: Props) {
  const edit = (id: string, patch: Partial<EvaluatorCategory>) =>
    update({ categories: draft.categories.map((c) => (c.id === id ? { ...c, ...patch } : c)) })
  const setCount = (c: EvaluatorCategory, text: string) => {
    const n = Number.parseInt(text, 10)
    const { expectedPerUnit: _, ...rest } = c
    update({ categories: draft.categories.map((x) => (x.id === c.id ? (n > 0 ? { ...rest, expectedPerUnit: n } : rest) : x)) })
  }

  return (
    <View>
      {draft.categories.map((c) => (
        <View key={c.id} className='qp-card category-card'>
          <Text className='qp-card__title'>{c.name}</Text>
          {c.description && <Text className='qp-muted'>{c.description}</Text>}
          <Text className='org__field-label category-card__scope'>{c.scope ? SCOPE_NAMES[c.scope.kind] : '未设置评议范围'}</Text>
          <View className='org__chips'>
            {(['open', 'roster'] as const).map((a) => (
              <Text key={a} className={`org__chip category-card__access${c.access === a ? ' org__chip--on' : ''}`} onClick={() => edit(c.id, { access: a })}>
                {ACCESS_NAMES[a]}
              </Text>
            ))}
          </View>
          <Field
            className='category-card__count'
            label='每个单位应参评人数（不填则不要求）'
            maxlength={4}
            value={c.expectedPerUnit ? String(c.expectedPerUnit) : ''}
            placeholder='例如：15'
            onChange={(text) => setCount(c, text)}
          />
        </View>
      ))}
    </View>
  )
}
