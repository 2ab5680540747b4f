import type { PropsWithChildren } from 'react'
import { PrivacyModalPortal, PrivacyProvider } from 'taro-privacy'

export default function App({ children }: PropsWithChildren) {
  return (
    <PrivacyProvider>
      {children}
      <PrivacyModalPortal />
    </PrivacyProvider>
  )
}
