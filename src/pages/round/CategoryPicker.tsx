/** Choosing how one takes part (and, when the category needs it, one's own unit); fixed once chosen. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CategoryChoice } from '../../api/evaluate'

interface Props {
  choices: CategoryChoice[]
  units: { id: string; name: string }[]
  onEnrol: (categoryId: string, unitId?: string) => Promise<void>
}

export default function CategoryPicker({ choices, units, onEnrol }: Props) {
  const [category, setCategory] = useState<CategoryChoice | null>(null)
  const [unitId, setUnitId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const ready = category !== null && (!category.needsUnit || unitId !== null)

  const confirm = async () => {
    if (!category) return
    setBusy(true)
    await onEnrol(category.id, category.needsUnit ? (unitId ?? undefined) : undefined)
    setBusy(false)
  }

  const option = (key: string, label: string, on: boolean, pick: () => void, note?: string) => (
    <View key={key} className={on ? 'round__option round__option--on' : 'round__option'} role='radio' aria-checked={on} onClick={pick}>
      <Text className='round__option-label'>{label}</Text>
      {note && <Text className='qp-muted'>{note}</Text>}
    </View>
  )

  return (
    <View className='qp-card'>
      <Text className='qp-card__title'>请选择您的身份</Text>
      <Text className='qp-muted'>选定后本轮评议中不能更改。</Text>
      {choices.map((c) => option(c.id, c.name, category?.id === c.id, () => setCategory(c), c.description))}
      {category?.needsUnit && (
        <View>
          <Text className='qp-card__title round__subtitle'>您所在的单位</Text>
          {units.map((u) => option(u.id, u.name, unitId === u.id, () => setUnitId(u.id)))}
        </View>
      )}
      <View className='qp-actions'>
        <Button type='primary' size='xlarge' block disabled={!ready} loading={busy} onClick={() => void confirm()}>
          确定
        </Button>
      </View>
    </View>
  )
}
