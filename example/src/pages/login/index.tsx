import { Button, View } from '@tarojs/components'
import { useState } from 'react'
import { PrivacyAgreeButton, usePrivacyGate } from 'taro-privacy'
import { Card } from '../../components/Card'

interface ButtonEventDetail {
  errMsg?: string
  code?: string
}

function describe(detail: ButtonEventDetail | undefined): string {
  if (detail?.code) return `已获取 code（${detail.code}）`
  return detail?.errMsg ?? '无结果'
}

/**
 * The combined open-types: one tap both agrees to the privacy guide and starts the
 * phone-number (or user-info) flow; the button delivers both events.
 */
export default function LoginPage() {
  const gate = usePrivacyGate()
  const [events, setEvents] = useState<string[]>([])
  const log = (line: string) => setEvents((previous) => [...previous, line])

  return (
    <View className="page">
      <Card title="同意隐私协议并登录" text={`当前授权状态：${gate.status}`}>
        <PrivacyAgreeButton
          className="button"
          type="primary"
          id="agree-phone"
          openType="getPhoneNumber|agreePrivacyAuthorization"
          onAgree={(buttonId) => log(`${buttonId}：已同意隐私协议`)}
          onGetPhoneNumber={(event) => log(`agree-phone：手机号 ${describe(event.detail)}`)}
        >
          同意隐私协议并授权手机号
        </PrivacyAgreeButton>
        <PrivacyAgreeButton
          className="button"
          id="agree-realtime-phone"
          openType="getRealtimePhoneNumber|agreePrivacyAuthorization"
          onAgree={(buttonId) => log(`${buttonId}：已同意隐私协议`)}
          onGetRealTimePhoneNumber={(event) => log(`agree-realtime-phone：实时手机号 ${describe(event.detail)}`)}
        >
          同意隐私协议并实时验证手机号
        </PrivacyAgreeButton>
        <PrivacyAgreeButton
          className="button"
          id="agree-user-info"
          openType="getUserInfo|agreePrivacyAuthorization"
          onAgree={(buttonId) => log(`${buttonId}：已同意隐私协议`)}
          onGetUserInfo={(event) => log(`agree-user-info：头像昵称 ${describe(event.detail as ButtonEventDetail)}`)}
        >
          同意隐私协议并获取头像昵称
        </PrivacyAgreeButton>
      </Card>
      <Card title="只授权手机号" text="普通的手机号按钮：用户还没同意时，平台先拦截这次点击，弹出同意弹窗。">
        <Button
          className="button"
          id="phone-only"
          openType="getPhoneNumber"
          onGetPhoneNumber={(event) => log(`phone-only：手机号 ${describe(event.detail)}`)}
        >
          授权手机号
        </Button>
      </Card>
      <Card title="按钮事件">
        {events.length === 0 ? <View className="card__text">点击上方按钮后，这里显示收到的事件。</View> : null}
        {events.map((line, index) => (
          <View key={index} className="result event-line">
            {line}
          </View>
        ))}
      </Card>
    </View>
  )
}
