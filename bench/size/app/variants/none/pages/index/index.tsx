import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

// The feature every variant has: a privacy API called from an async handler.
export default function Index() {
  const locate = async () => {
    const { latitude } = await Taro.getLocation({ type: 'wgs84' })
    Taro.showToast({ title: String(latitude) })
  }
  return (
    <View>
      <Button onClick={locate}>定位</Button>
    </View>
  )
}
