import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

const ITEMS = Array.from({ length: 200 }, (_, i) => ({ id: i, title: `第 ${i + 1} 条`, detail: `item ${i + 1}` }))

// A long page: 200 list items after the button.
export default function List() {
  return (
    <View>
      <Button onClick={() => Taro.getLocation({ type: 'wgs84' })}>定位</Button>
      <View>
        {ITEMS.map((item) => (
          <View key={item.id}>
            <Text>{item.title}</Text>
            <Text>{item.detail}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
