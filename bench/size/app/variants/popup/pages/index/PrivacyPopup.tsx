import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

// The usual hand-written popup (for scale): one resolve kept, per-page listener, no queue.
let pendingResolve: ((result: { event: string; buttonId?: string }) => void) | null = null

export function PrivacyPopup() {
  const [visible, setVisible] = useState(false)
  const [contractName, setContractName] = useState('《用户隐私保护指引》')

  useEffect(() => {
    Taro.getPrivacySetting({
      success: (res) => setContractName(res.privacyContractName || contractName),
    })
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pendingResolve = resolve
      setVisible(true)
    })
  }, [])

  const disagree = () => {
    pendingResolve?.({ event: 'disagree' })
    pendingResolve = null
    setVisible(false)
  }
  const agree = () => {
    pendingResolve?.({ event: 'agree', buttonId: 'agree-btn' })
    pendingResolve = null
    setVisible(false)
  }

  if (!visible) return null
  return (
    <View style={{ position: 'fixed', top: 0, left: 0, right: 0, bottom: 0, background: 'rgba(0,0,0,0.5)', zIndex: 999 }}>
      <View style={{ position: 'absolute', bottom: 0, width: '100%', background: '#fff', padding: '24px', boxSizing: 'border-box' }}>
        <View style={{ fontSize: '18px', fontWeight: 'bold', textAlign: 'center' }}>用户隐私保护提示</View>
        <View style={{ margin: '12px 0', color: '#555' }}>
          感谢你使用本小程序。在使用前，请仔细阅读
          <Text style={{ color: '#576b95' }} onClick={() => Taro.openPrivacyContract({})}>
            {contractName}
          </Text>
          。当你点击“同意”并开始使用，即表示你已理解并同意该条款内容。
        </View>
        <View style={{ display: 'flex' }}>
          <Button style={{ flex: 1 }} onClick={disagree}>
            拒绝
          </Button>
          <Button
            style={{ flex: 1, background: '#07c160', color: '#fff' }}
            id="agree-btn"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={agree}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
