/**
 * A unit contact writes the unit's self-report for a round, from the link the organiser sent
 * (`?roundId=…&targetId=…`) or by typing the round's number. It waits for the organiser's approval.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../../components/Screen'
import Field from '../../components/Field'
import OrgHead from '../../components/OrgHead'
import '../../organizer.scss'
import ReportForm from './ReportForm'

/** A pasted link or a bare round number. */
const roundIdOf = (text: string) => (/[?&]roundId=([^&#]+)/.exec(text)?.[1] ?? text).trim()

export default function ReportPage() {
  const params = useRouter().params
  const [roundId, setRoundId] = useState(params.roundId ? decodeURIComponent(params.roundId) : '')
  const [typed, setTyped] = useState('')
  const targetId = params.targetId ? decodeURIComponent(params.targetId) : undefined

  return (
    <Screen className='org'>
      <OrgHead title='本单位情况报告' sub='报告在评议前向参评群众展示，提交后由组织方审核。' />
      {roundId ? (
        <ReportForm roundId={roundId} targetId={targetId} />
      ) : (
        <View className='qp-card'>
          <Text className='qp-card__title'>哪一次评议？</Text>
          <Field label='评议编号或组织方发来的链接' maxlength={500} value={typed} placeholder='粘贴链接或输入编号' onChange={setTyped} />
          <View className='qp-actions'>
            <Button type='primary' size='large' block disabled={!roundIdOf(typed)} onClick={() => setRoundId(decodeURIComponent(roundIdOf(typed)))}>
              确定
            </Button>
          </View>
        </View>
      )}
    </Screen>
  )
}
