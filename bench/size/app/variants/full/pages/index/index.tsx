import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { usePrivacyGate } from 'taro-privacy'

export default function Index() {
  const gate = usePrivacyGate()
  const locate = async () => {
    await gate.require()
    const { latitude } = await Taro.getLocation({ type: 'wgs84' })
    Taro.showToast({ title: String(latitude) })
  }
  return (
    <View>
      <Button onClick={locate}>定位</Button>
    </View>
  )
}
