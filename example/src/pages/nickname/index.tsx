import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { usePrivacyGate } from 'taro-privacy'
import { Card } from '../../components/Card'

/**
 * demo3: `<Input type="nickname">` does not trigger the privacy event when consent is
 * missing — it silently degrades to a plain input. So ask first, on focus.
 */
export default function NicknamePage() {
  const gate = usePrivacyGate()
  const [hint, setHint] = useState('')
  const [nickname, setNickname] = useState('')

  const askBeforeNickname = async () => {
    try {
      await gate.require()
      setHint('已同意隐私保护指引，可以使用微信昵称')
    } catch {
      setHint('未同意隐私保护指引，无法使用微信昵称')
    }
  }

  return (
    <View className="page">
      <Card title="填写微信昵称（demo3）" text="聚焦输入框时先确认用户已同意隐私保护指引，再使用微信昵称。">
        <Input
          className="nickname-input"
          id="nickname-input"
          type="nickname"
          placeholder="点击填写微信昵称"
          value={nickname}
          onFocus={askBeforeNickname}
          onInput={(event) => setNickname(event.detail.value)}
          onBlur={(event) => setNickname(event.detail.value)}
        />
        {hint ? (
          <View id="nickname-hint" className={gate.status === 'agreed' ? 'result' : 'result result--fail'}>
            {hint}
          </View>
        ) : null}
        {nickname ? <View className="result">{`昵称：${nickname}`}</View> : null}
      </Card>
    </View>
  )
}
