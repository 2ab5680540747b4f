import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Outcomes } from '../../lib/Outcomes'
import { usePrivacyCalls } from '../../lib/usePrivacyCalls'

/** A second tab page, reached by switchTab; it stays alive while hidden. */
export default function TabPage() {
  const { run, lines } = usePrivacyCalls()
  return (
    <View className="page">
      <Button id="choose-address" onClick={() => run('chooseAddress', () => Taro.chooseAddress())}>
        选择收货地址
      </Button>
      <Outcomes lines={lines} />
    </View>
  )
}
