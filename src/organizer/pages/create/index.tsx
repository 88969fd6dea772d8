/**
 * The create-round wizard: template → targets and groups → categories, items, scale and rules → window →
 * readiness. Items and rules share the categories' step (the existing journey walks four steps).
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Screen from '../../../components/Screen'
import { call } from '../../../services/api'
import OrgHead from '../../components/OrgHead'
import { useLoad } from '../../lib/useLoad'
import { ratesPersons } from '../../lib/draft'
import { missingAt } from '../../lib/missing'
import MissingHint from '../../components/MissingHint'
import CategoriesStep from './CategoriesStep'
import ItemsStep from './ItemsStep'
import PersonsStep from './PersonsStep'
import RulesStep from './RulesStep'
import ScaleStep from './ScaleStep'
import TargetsStep from './TargetsStep'
import TemplateStep from './TemplateStep'
import { STEPS, useWizard } from './useWizard'
import WeightsStep from './WeightsStep'
import WindowStep from './WindowStep'
import '../../organizer.scss'

export default function CreatePage() {
  const { step, setStep, draft, update, error, busy, create } = useWizard()
  const mine = useLoad(() => call('organize', 'myUnits', {}), [])
  const templates = useLoad(() => call('organize', 'listTemplates', {}), [])
  const units = mine.data?.units ?? []
  const ownerIds = mine.data?.ownerUnitIds ?? []
  const ownerUnits = units.filter((u) => ownerIds.includes(u.id))
  const missing = missingAt(draft, step)
  const last = step === STEPS.length - 1

  return (
    <Screen className='org'>
      <OrgHead title='新建评议' sub={`第 ${step + 1} 步，共 ${STEPS.length} 步：${STEPS[step]}`} />
      <View className='org__steps'>
        {STEPS.map((s, i) => (
          <View key={s} className={`org__step${i <= step ? ' org__step--on' : ''}`} />
        ))}
      </View>
      {(mine.error ?? templates.error ?? error) && <Text className='qp-error'>{(mine.error ?? templates.error ?? error)?.message}</Text>}
      {step === 0 && <TemplateStep draft={draft} templates={templates.data?.templates ?? []} ownerUnits={ownerUnits} update={update} />}
      {step === 1 && (ratesPersons(draft) ? <PersonsStep draft={draft} units={units} update={update} /> : <TargetsStep draft={draft} units={units} update={update} />)}
      {step === 2 && <CategoriesStep draft={draft} update={update} />}
      {step === 2 && <ItemsStep draft={draft} update={update} />}
      {step === 2 && <ScaleStep draft={draft} update={update} />}
      {step === 2 && <WeightsStep draft={draft} update={update} />}
      {step === 2 && <RulesStep draft={draft} update={update} />}
      {step === 3 && <WindowStep draft={draft} update={update} />}
      <View className='qp-actions'>
        <MissingHint missing={missing} />
        <Button type='primary' size='large' block disabled={missing !== null} loading={busy} onClick={() => (last ? void create() : setStep(step + 1))}>
          {last ? '创建并检查' : '下一步'}
        </Button>
        {step > 0 && (
          <Button fill='outline' size='large' block onClick={() => setStep(step - 1)}>
            上一步
          </Button>
        )}
      </View>
    </Screen>
  )
}
