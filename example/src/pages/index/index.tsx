import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { usePrivacyGate, type PrivacyStatus } from 'taro-privacy'
import { Card } from '../../components/Card'

const STATUS_TEXT: Record<PrivacyStatus, string> = {
  checking: '查询中',
  required: '需要用户同意',
  agreed: '已同意',
  unsupported: '当前环境无需授权',
  error: '查询失败',
}

const DEMOS = [
  { id: 'go-clipboard', url: '/pages/clipboard/index', label: '多个隐私接口同时调用（demo2）' },
  { id: 'go-nickname', url: '/pages/nickname/index', label: '填写微信昵称（demo3）' },
  { id: 'go-login', url: '/pages/login/index', label: '手机号快捷登录（组合按钮）' },
  { id: 'go-member', url: '/pages/member/index', label: '必须同意才能使用的页面（拒绝后可重新同意）' },
  { id: 'go-stores', url: '/subpackages/stores/index', label: '分包页面：附近门店' },
]

/** demo1: the proactive check (getPrivacySetting) and the contract, on the home page. */
export default function Home() {
  const gate = usePrivacyGate()
  const [contractError, setContractError] = useState('')

  const openContract = () => {
    setContractError('')
    gate.openContract().catch((error: Error) => setContractError(`无法打开隐私协议：${error.message}`))
  }

  return (
    <View className="page">
      <Card title="隐私授权状态（demo1）" text="启动时主动查询用户是否还需同意隐私保护指引。">
        <View id="privacy-status">{`状态：${STATUS_TEXT[gate.status]}（${gate.status}）`}</View>
        <View id="privacy-contract">{`隐私协议：${gate.contractName || '—'}`}</View>
        {gate.status === 'required' ? (
          <Button className="button" type="primary" id="open-consent" onClick={() => gate.open()}>
            阅读并同意隐私协议
          </Button>
        ) : null}
        <Button className="button" id="open-contract" onClick={openContract}>
          查看隐私协议
        </Button>
        <Button className="button" id="refresh" onClick={() => gate.refresh()}>
          重新查询
        </Button>
        {contractError ? <View className="result result--fail">{contractError}</View> : null}
      </Card>
      <Card title="更多示例" text="“发现”和“我的”两个 tab 页演示多 tabBar 页面（demo4）。">
        {DEMOS.map((demo) => (
          <Button key={demo.id} id={demo.id} className="button" onClick={() => Taro.navigateTo({ url: demo.url })}>
            {demo.label}
          </Button>
        ))}
      </Card>
    </View>
  )
}
