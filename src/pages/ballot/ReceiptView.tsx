/** After submitting: 已提交, a receipt code per target, and what happens next. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { TargetOutcome } from '../../api/evaluate'
import StatusScreen from '../../components/StatusScreen'

interface Props {
  outcomes: TargetOutcome[]
  nameOf: (targetId: string) => string
  onBack: () => void
}

export default function ReceiptView({ outcomes, nameOf, onBack }: Props) {
  const anyRecorded = outcomes.some((o) => o.status !== 'refused')
  return (
    <View>
      <StatusScreen tone={anyRecorded ? 'done' : 'stop'} title={anyRecorded ? '已提交' : '未能提交'} message={anyRecorded ? '感谢您的评议！' : undefined} />
      {outcomes.map((o) => (
        <View key={o.targetId} className='qp-card receipt'>
          <Text className='receipt__name'>{nameOf(o.targetId)}</Text>
          {o.status === 'refused' ? (
            <Text className='receipt__refused'>未能提交：{o.error.message}</Text>
          ) : (
            <View>
              <Text className='receipt__status'>{o.status === 'recorded' ? '已提交' : '此前已评，本次未重复计入'}</Text>
              {o.receipt && <Text className='receipt__code'>回执编号 {o.receipt.code}</Text>}
            </View>
          )}
        </View>
      ))}
      <View className='qp-card'>
        <Text className='qp-card__title'>接下来</Text>
        <Text className='receipt__next'>
          评议结束后，组织方汇总全部评价并公布结果，评价较差的事项将督促整改。您的选择与您的身份分开保存，任何人都看不到您具体怎么评的；回执编号只证明您已参加评议。
        </Text>
      </View>
      <View className='qp-actions'>
        <Button type='primary' size='xlarge' block onClick={onBack}>
          返回评议页
        </Button>
      </View>
    </View>
  )
}
