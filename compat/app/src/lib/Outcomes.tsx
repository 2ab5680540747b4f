import { View } from '@tarojs/components'

export function Outcomes({ lines }: { lines: string[] }) {
  return (
    <View className="outcomes">
      {lines.map((line) => (
        <View key={line} className="outcome">
          {line}
        </View>
      ))}
    </View>
  )
}
