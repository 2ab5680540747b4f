import type { PropsWithChildren } from 'react'
import { PrivacyModalPortal, PrivacyProvider } from 'taro-privacy'
import { CONTRACT } from './lib/contract'
import './app.css'

/**
 * One line of setup: `<PrivacyModalPortal />` shows the consent UI in whichever page is
 * on top, so pages need no `<PrivacyModal/>` of their own (the album page still has one,
 * to show that an explicit modal keeps working).
 */
export default function App({ children }: PropsWithChildren) {
  return (
    <PrivacyProvider contract={CONTRACT}>
      {children}
      <PrivacyModalPortal />
    </PrivacyProvider>
  )
}
