import { Button, View } from '@tarojs/components'

export default function Index() {
  return (
    <View>
      <Button openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={() => {}}>同意</Button>
    </View>
  )
}
