import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Outcomes } from '../../lib/Outcomes'
import { usePrivacyCalls } from '../../lib/usePrivacyCalls'

/** Two privacy calls from one tap: one agree releases both. */
export default function ConcurrentPage() {
  const { run, lines } = usePrivacyCalls()
  const callBoth = () => {
    run('getClipboardData', () => Taro.getClipboardData())
    run('getLocation', () => Taro.getLocation({ type: 'wgs84' }))
  }
  return (
    <View className="page">
      <Button id="call-both" onClick={callBoth}>
        读取剪贴板并定位
      </Button>
      <Outcomes lines={lines} />
    </View>
  )
}
