import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Card } from '../../components/Card'

/**
 * The app's own agreement page: `contract.open` in app.tsx navigates here from the consent
 * UI's link on every platform. The portal leaves this page alone (`exclude`), so the user
 * can read it while a privacy call waits; going back shows the consent UI again.
 */
export default function AgreementPage() {
  const [failure, setFailure] = useState('')
  const openPlatformContract = () =>
    Taro.openPrivacyContract({ fail: (result) => setFailure(`无法打开：${result.errMsg}`) })

  return (
    <View className="page">
      <Card title="示例隐私保护指引" text="这是应用自己的协议页面（contract.open）。">
        <View id="agreement-text" className="card__text">
          我们仅在你使用相应功能时收集必要的信息：选择图片时读取你选择的图片，获取位置时读取你的位置，读取剪贴板时读取剪贴板内容。
        </View>
        {process.env.TARO_ENV === 'h5' ? null : (
          <Button className="button" id="open-platform-contract" onClick={openPlatformContract}>
            查看平台展示的隐私协议
          </Button>
        )}
        <Button className="button" id="back" onClick={() => Taro.navigateBack()}>
          返回
        </Button>
        {failure ? <View className="result result--fail">{failure}</View> : null}
      </Card>
    </View>
  )
}
