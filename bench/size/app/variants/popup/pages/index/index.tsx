import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PrivacyPopup } from './PrivacyPopup'

export default function Index() {
  const locate = async () => {
    const { latitude } = await Taro.getLocation({ type: 'wgs84' })
    Taro.showToast({ title: String(latitude) })
  }
  return (
    <View>
      <Button onClick={locate}>定位</Button>
      <PrivacyPopup />
    </View>
  )
}
