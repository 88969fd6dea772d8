/** Step 3 (continued): the ballot's items by section: rename one, remove one, add one to a section. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Field from '../../components/Field'
import type { Draft } from '../../lib/draft'
import { addItem, removeItem, renameItem } from '../../lib/items'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

export default function ItemsStep({ draft, update }: Props) {
  const [adding, setAdding] = useState<Record<string, string>>({})
  const ballot = draft.ballot
  if (!ballot) return null

  const add = (sectionId: string) => {
    update({ ballot: addItem(ballot, sectionId, adding[sectionId] ?? '') })
    setAdding((a) => ({ ...a, [sectionId]: '' }))
  }

  return (
    <View className='qp-card items'>
      <Text className='qp-card__title'>评议内容</Text>
      <Text className='qp-muted'>{`${ballot.name}；另有“${ballot.overall.label}”一项。`}</Text>
      {ballot.sections.map((s) => (
        <View key={s.id} className='items__section'>
          <Text className='org__section-title items__section-title'>{s.title}</Text>
          {s.items.map((item, i) => (
            <View key={item.id} className='items__item'>
              <Field
                className='items__label'
                label={`第 ${i + 1} 项`}
                maxlength={200}
                value={item.label}
                onChange={(label) => update({ ballot: renameItem(ballot, s.id, item.id, label) })}
              />
              <Text className='org__chip items__remove' onClick={() => update({ ballot: removeItem(ballot, s.id, item.id) })}>
                删除
              </Text>
              {item.label.trim() === '' && <Text className='org__blocker'>内容不能为空</Text>}
            </View>
          ))}
          {s.items.length === 0 && <Text className='org__blocker'>本栏目还没有评议内容</Text>}
          <Field
            className='items__new'
            label={`在“${s.title}”中新增一项`}
            maxlength={200}
            value={adding[s.id] ?? ''}
            placeholder='例如：为群众办实事情况'
            onChange={(text) => setAdding((a) => ({ ...a, [s.id]: text }))}
          />
          <View className='org__inline-actions'>
            <Button size='small' fill='outline' disabled={!(adding[s.id] ?? '').trim()} onClick={() => add(s.id)}>
              添加此项
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
