import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { usePrivacyGate } from 'taro-privacy'
import { Outcomes } from '../../lib/Outcomes'
import { usePrivacyCalls } from '../../lib/usePrivacyCalls'

/** A tab page whose button makes one intercepted privacy call. */
export default function Home() {
  const gate = usePrivacyGate()
  const { run, lines } = usePrivacyCalls()
  return (
    <View className="page">
      <View id="status">{`status：${gate.status}`}</View>
      <Button id="get-location" onClick={() => run('getLocation', () => Taro.getLocation({ type: 'wgs84' }))}>
        获取位置
      </Button>
      <Button id="go-concurrent" onClick={() => Taro.navigateTo({ url: '/pages/concurrent/index' })}>
        同时调用两个接口
      </Button>
      <Button id="go-phone" onClick={() => Taro.navigateTo({ url: '/pages/phone/index' })}>
        手机号登录
      </Button>
      <Button id="go-subpackage" onClick={() => Taro.navigateTo({ url: '/packages/privacy/pages/location/index' })}>
        分包页面
      </Button>
      <Outcomes lines={lines} />
    </View>
  )
}
