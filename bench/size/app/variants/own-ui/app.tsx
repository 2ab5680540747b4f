import type { PropsWithChildren } from 'react'
import { PrivacyProvider } from 'taro-privacy'

export default function App({ children }: PropsWithChildren) {
  return <PrivacyProvider>{children}</PrivacyProvider>
}
