import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/**
 * A landing page in an independent subpackage (`independent: true`): WeChat opens it
 * without loading the main package, so it has no PrivacyProvider and makes no privacy call.
 * Its button leads into the main package.
 */
export default function ShareLandingPage() {
  const { query } = Taro.getLaunchOptionsSync()
  return (
    <View className="page">
      <View id="share-landing">{`分享落地页（独立分包），来源：${query.from || '直接打开'}`}</View>
      <Button id="share-go-home" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        进入小程序首页
      </Button>
    </View>
  )
}
