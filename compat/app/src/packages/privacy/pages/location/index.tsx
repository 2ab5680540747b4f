import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Outcomes } from '../../../../lib/Outcomes'
import { usePrivacyCalls } from '../../../../lib/usePrivacyCalls'

/** A page of a subpackage (app.config's `subPackages`) making one intercepted privacy call. */
export default function SubpackageLocation() {
  const { run, lines } = usePrivacyCalls()
  return (
    <View className="page">
      <Button id="sub-get-location" onClick={() => run('getLocation', () => Taro.getLocation({ type: 'wgs84' }))}>
        分包内获取位置
      </Button>
      <Outcomes lines={lines} />
    </View>
  )
}
