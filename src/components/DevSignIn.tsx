/** Persona picker of the local runtime: one browser can play every role. */
import { Button, Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { listPersonas, type Persona, signInAs } from '../services/devSession'
import './DevSignIn.scss'

export default function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [personas, setPersonas] = useState<Persona[]>([])
  useEffect(() => {
    void listPersonas().then((r) => setPersonas(r.personas))
  }, [])
  return (
    <View className='dev-sign-in'>
      <Text className='dev-sign-in__title'>本地体验：请选择身份登录</Text>
      <Text className='dev-sign-in__hint'>正式版在微信中自动识别身份，无需登录。</Text>
      {personas.map((p) => (
        <Cell
          key={p.id}
          title={p.name}
          description={p.description}
          extra={
            <Button type='primary' size='small' onClick={() => void signInAs(p.id).then(onSignedIn)}>
              以此身份登录
            </Button>
          }
        />
      ))}
    </View>
  )
}
