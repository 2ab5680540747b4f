import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

// One button: the smallest page the consent UI can show on.
export default function Index() {
  return (
    <View>
      <Button onClick={() => Taro.getLocation({ type: 'wgs84' })}>定位</Button>
    </View>
  )
}
