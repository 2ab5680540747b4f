import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '../../components/Card'
import { OutcomeLine } from '../../components/OutcomeLine'
import { useOutcomes } from '../../lib/useOutcomes'
import { usePrivacyApiGuard } from '../../lib/usePrivacyApiGuard'

/**
 * demo2, first page: two privacy APIs fired at once from one tap. The platform
 * intercepts both; one tap on “同意” releases both.
 */
export default function ClipboardPage() {
  const guard = usePrivacyApiGuard()
  const { outcomes, run } = useOutcomes()

  const readClipboardAndLocate = () => {
    run('getClipboardData', async () => {
      await guard()
      await Taro.getClipboardData()
    })
    run('getLocation', async () => {
      await guard()
      await Taro.getLocation({ type: 'wgs84' })
    })
  }

  return (
    <View className="page">
      <Card title="同时调用两个隐私接口（demo2）" text="一次点击同时读取剪贴板和当前位置，两次调用都会等待用户同意。">
        <Button className="button" type="primary" id="read-clipboard-and-locate" onClick={readClipboardAndLocate}>
          读取剪贴板并定位
        </Button>
        <OutcomeLine name="getClipboardData" outcome={outcomes.getClipboardData} />
        <OutcomeLine name="getLocation" outcome={outcomes.getLocation} />
      </Card>
      <Card title="下一页" text="在另一个页面调用隐私接口，同意弹窗出现在最上层的页面。">
        <Button className="button" id="go-album" onClick={() => Taro.navigateTo({ url: '/pages/album/index' })}>
          去相册页
        </Button>
      </Card>
    </View>
  )
}
