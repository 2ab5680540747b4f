import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Card } from '../../components/Card'
import { OutcomeLine } from '../../components/OutcomeLine'
import { useOutcomes } from '../../lib/useOutcomes'
import { usePrivacyApiGuard } from '../../lib/usePrivacyApiGuard'

/** Where the page keeps the last position it found. */
const LAST_POSITION_KEY = 'stores:lastPosition'

/**
 * A page in a subpackage (`subpackages/stores`), as real apps have many: the consent UI
 * of `<PrivacyModalPortal/>` shows here too. On open it makes the everyday calls of a real
 * page (storage, window info, the navigation bar, the network type); a refusal of the
 * consent UI ends in a toast, the way apps tell a user why nothing happened.
 */
export default function StoresPage() {
  const guard = usePrivacyApiGuard()
  const { outcomes, run } = useOutcomes()
  const [lastPosition] = useState(() => Taro.getStorageSync(LAST_POSITION_KEY) as string)
  const [network, setNetwork] = useState('')
  const { windowWidth } = Taro.getWindowInfo()

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '附近门店' })
    Taro.getNetworkType().then((result) => setNetwork(result.networkType), () => setNetwork('unknown'))
  }, [])

  const locate = () =>
    run('getLocation', async () => {
      try {
        await guard()
        const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' })
        Taro.setStorageSync(LAST_POSITION_KEY, `${latitude.toFixed(2)},${longitude.toFixed(2)}`)
      } catch (error) {
        Taro.showToast({ title: '未同意隐私保护指引，无法查找附近门店', icon: 'none' })
        throw error
      }
    })

  return (
    <View className="page">
      <Card title="附近门店（分包页面）" text="本页在分包 subpackages/stores 中，同意弹窗同样由 PrivacyModalPortal 显示在本页上。">
        <View id="stores-environment">{`网络：${network || '查询中'}，屏幕宽度：${windowWidth}`}</View>
        <View id="stores-last-position">{`上次位置：${lastPosition || '无'}`}</View>
        <Button className="button" type="primary" id="find-stores" onClick={locate}>
          查找附近门店
        </Button>
        <OutcomeLine name="getLocation" outcome={outcomes.getLocation} />
      </Card>
      <Card title="离开分包" text="从分包页面打开主包页面，再返回。">
        <Button className="button" id="stores-go-clipboard" onClick={() => Taro.navigateTo({ url: '/pages/clipboard/index' })}>
          去剪贴板与定位页
        </Button>
      </Card>
    </View>
  )
}
