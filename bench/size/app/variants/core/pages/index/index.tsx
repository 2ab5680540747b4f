import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { store } from '../../privacy'

export default function Index() {
  const [visible, setVisible] = useState(store.getState().visible)
  useEffect(() => store.subscribe(() => setVisible(store.getState().visible)), [])
  const locate = async () => {
    await store.require()
    const { latitude } = await Taro.getLocation({ type: 'wgs84' })
    Taro.showToast({ title: String(latitude) })
  }
  return (
    <View>
      <Button onClick={locate}>定位</Button>
      {visible && (
        <View className="consent">
          <Button onClick={() => store.disagree()}>拒绝</Button>
          <Button id="agree" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={() => store.handleAgreeEvent('agree')}>
            同意
          </Button>
        </View>
      )}
    </View>
  )
}
