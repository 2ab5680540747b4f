import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PrivacyAgreeButton, usePrivacyGate } from 'taro-privacy'

// The app's own consent UI on top of the provider's state.
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
      {gate.visible && (
        <View className="consent">
          <View onClick={() => gate.openContract()}>请阅读{gate.contractName}</View>
          <Button onClick={() => gate.disagree()}>拒绝</Button>
          <PrivacyAgreeButton>同意</PrivacyAgreeButton>
        </View>
      )}
    </View>
  )
}
