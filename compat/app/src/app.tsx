import type { PropsWithChildren } from 'react'
import { PrivacyModalPortal, PrivacyProvider } from 'taro-privacy'

const CONTRACT = { name: '《兼容性测试隐私保护指引》', version: '1' }

export default function App({ children }: PropsWithChildren) {
  return (
    <PrivacyProvider contract={CONTRACT}>
      {children}
      <PrivacyModalPortal />
    </PrivacyProvider>
  )
}
