import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Without an explicit env the mini-program uses the environment it is bound to in DevTools.
      Taro.cloud.init({ ...(process.env.TARO_APP_CLOUD_ENV ? { env: process.env.TARO_APP_CLOUD_ENV } : {}), traceUser: true })
    }
  })
  return children
}

export default App
