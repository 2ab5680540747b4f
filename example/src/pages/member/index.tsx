import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { usePrivacyGate } from 'taro-privacy'
import { Card } from '../../components/Card'
import { PrivacyGateScreen } from '../../components/PrivacyGateScreen'

/**
 * A page that cannot work without consent: it asks on open; refused, it shows a blocking
 * screen with a way back to the consent UI instead of its content.
 */
export default function MemberPage() {
  const gate = usePrivacyGate()
  const { require } = gate
  useEffect(() => {
    require().catch(() => undefined) // a refusal shows PrivacyGateScreen's blocking screen
  }, [require])

  return (
    <View className="page">
      <PrivacyGateScreen>
        <Card title="会员中心" text="同意隐私保护指引后才能使用的页面。">
          <View id="member-content">{gate.status === 'agreed' ? '欢迎回来，会员功能已可用。' : '正在确认隐私授权…'}</View>
        </Card>
      </PrivacyGateScreen>
    </View>
  )
}
