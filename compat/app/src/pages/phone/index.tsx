import { View } from '@tarojs/components'
import { useState } from 'react'
import { PrivacyAgreeButton, usePrivacyGate } from 'taro-privacy'
import { Outcomes } from '../../lib/Outcomes'

/** The combined open-type: one tap agrees to the privacy guide and asks for the phone number. */
export default function PhonePage() {
  const gate = usePrivacyGate()
  const [lines, setLines] = useState<string[]>([])
  const log = (line: string) => setLines((previous) => [...previous, line])
  return (
    <View className="page">
      <View id="status">{`status：${gate.status}`}</View>
      <PrivacyAgreeButton
        id="agree-phone"
        openType="getPhoneNumber|agreePrivacyAuthorization"
        onAgree={(buttonId) => log(`agree：${buttonId}`)}
        onGetPhoneNumber={(event) => log(`phone：${(event.detail as { code?: string }).code ?? 'none'}`)}
      >
        同意隐私协议并授权手机号
      </PrivacyAgreeButton>
      <Outcomes lines={lines} />
    </View>
  )
}
