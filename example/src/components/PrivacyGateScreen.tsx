import { Button, Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { usePrivacyGate } from 'taro-privacy'

/** Shows the page once the user agreed; after a refusal, a screen that can ask again (README recipe). */
export function PrivacyGateScreen({ children }: PropsWithChildren) {
  const gate = usePrivacyGate()
  const refused = gate.status === 'required' && gate.lastDecision?.event === 'disagree'
  if (!refused) return <>{children}</>
  return (
    <View className="card" id="refused-screen">
      <Text>你拒绝了隐私保护指引，此页面的功能无法使用。</Text>
      <Button className="button" type="primary" id="ask-again" onClick={() => gate.open()}>
        重新查看并同意
      </Button>
    </View>
  )
}
