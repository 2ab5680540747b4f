import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '../../components/Card'
import { OutcomeLine } from '../../components/OutcomeLine'
import { useOutcomes } from '../../lib/useOutcomes'
import { usePrivacyApiGuard } from '../../lib/usePrivacyApiGuard'

/** demo4, first tab: a privacy API on a tabBar page. */
export default function DiscoverPage() {
  const guard = usePrivacyApiGuard()
  const { outcomes, run } = useOutcomes()

  const chooseAddress = () =>
    run('chooseAddress', async () => {
      await guard()
      await Taro.chooseAddress()
    })

  return (
    <View className="page">
      <Card title="选择收货地址（demo4）" text="切换到其他 tab 页时，待同意的请求不会丢失，也不会留下多余的弹窗。">
        <Button className="button" type="primary" id="choose-address" onClick={chooseAddress}>
          选择收货地址
        </Button>
        <OutcomeLine name="chooseAddress" outcome={outcomes.chooseAddress} />
      </Card>
    </View>
  )
}
