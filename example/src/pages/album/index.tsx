import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PrivacyModal } from 'taro-privacy'
import { Card } from '../../components/Card'
import { OutcomeLine } from '../../components/OutcomeLine'
import { useOutcomes } from '../../lib/useOutcomes'
import { usePrivacyApiGuard } from '../../lib/usePrivacyApiGuard'

/**
 * demo2, second page. This page renders its own `<PrivacyModal/>` (custom texts); the
 * provider's auto-mounted modal then stays away from it, so there is one consent UI.
 */
export default function AlbumPage() {
  const guard = usePrivacyApiGuard()
  const { outcomes, run } = useOutcomes()

  const chooseImage = () =>
    run('chooseMedia', async () => {
      await guard()
      await Taro.chooseMedia({ count: 1, mediaType: ['image'] })
    })

  return (
    <View className="page">
      <Card title="从相册选择图片（demo2）" text="本页自己放置了 PrivacyModal，使用自定义的标题和按钮文字。">
        <Button className="button" type="primary" id="choose-media" onClick={chooseImage}>
          选择图片
        </Button>
        <OutcomeLine name="chooseMedia" outcome={outcomes.chooseMedia} />
      </Card>
      <PrivacyModal
        title="使用相册前，请阅读隐私保护指引"
        agreeText="同意并继续"
        disagreeText="暂不使用"
        agreeButtonProps={{ id: 'album-agree' }}
      />
    </View>
  )
}
