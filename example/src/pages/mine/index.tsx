import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '../../components/Card'
import { OutcomeLine } from '../../components/OutcomeLine'
import { useOutcomes } from '../../lib/useOutcomes'
import { usePrivacyApiGuard } from '../../lib/usePrivacyApiGuard'

/** demo4, second tab: another privacy API on another tabBar page. */
export default function MinePage() {
  const guard = usePrivacyApiGuard()
  const { outcomes, run } = useOutcomes()

  const readWeRun = () =>
    run('getWeRunData', async () => {
      await guard()
      await Taro.getWeRunData()
    })

  return (
    <View className="page">
      <Card title="微信运动步数（demo4）" text="在另一个 tab 页调用隐私接口。">
        <Button className="button" type="primary" id="get-werun-data" onClick={readWeRun}>
          获取微信运动步数
        </Button>
        <OutcomeLine name="getWeRunData" outcome={outcomes.getWeRunData} />
      </Card>
    </View>
  )
}
