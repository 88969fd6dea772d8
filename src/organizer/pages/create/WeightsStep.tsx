/**
 * Step 3 (continued): how a target's result is counted — every ballot alike, or parts of categories
 * combined by weight (004: 内部评议 40 % / 社会评议 60 %). The server checks the same rule on save.
 */
import { Text, View } from '@tarojs/components'
import { partPerCategory } from '../../../core/weights'
import Field from '../../components/Field'
import type { Draft } from '../../lib/draft'
import { weightsProblem } from '../../lib/missing'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

export default function WeightsStep({ draft, update }: Props) {
  if (!draft.template) return null
  const { aggregation, categories } = draft
  const template = draft.template.aggregation
  const weighted = () => update({ aggregation: template.mode === 'weighted' ? template : partPerCategory(categories) })
  const setWeight = (partId: string, text: string) => {
    if (aggregation.mode !== 'weighted') return
    const weight = Number.parseInt(text, 10)
    update({ aggregation: { ...aggregation, parts: aggregation.parts.map((p) => (p.id === partId ? { ...p, weight: weight > 0 ? weight : 0 } : p)) } })
  }
  const name = (id: string) => categories.find((c) => c.id === id)?.name ?? id
  const problem = weightsProblem(draft)

  return (
    <View className='qp-card weights'>
      <Text className='qp-card__title'>计分方式</Text>
      <View className='org__chips'>
        <Text className={`org__chip weights__mode${aggregation.mode === 'pooled' ? ' org__chip--on' : ''}`} onClick={() => update({ aggregation: { mode: 'pooled' } })}>
          合并计算（每票同等）
        </Text>
        {categories.length > 1 && (
          <Text className={`org__chip weights__mode${aggregation.mode === 'weighted' ? ' org__chip--on' : ''}`} onClick={() => aggregation.mode === 'pooled' && weighted()}>
            分部分按权重
          </Text>
        )}
      </View>
      {aggregation.mode === 'pooled' ? (
        <Text className='qp-muted'>所有参评人员的评价合在一起计算满意率。</Text>
      ) : (
        aggregation.parts.map((p) => (
          <Field
            key={p.id}
            className='weights__part'
            label={`${p.name}权重（%）：${p.categoryIds.map(name).join('、')}`}
            maxlength={3}
            value={p.weight > 0 ? String(p.weight) : ''}
            placeholder='例如：40'
            onChange={(text) => setWeight(p.id, text)}
          />
        ))
      )}
      {problem && <Text className='qp-error weights__problem'>{problem}</Text>}
    </View>
  )
}
