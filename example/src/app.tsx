import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { PrivacyModalPortal, PrivacyProvider } from 'taro-privacy'
import { CONTRACT } from './lib/contract'
import './app.css'

const AGREEMENT_PAGE = 'pages/agreement/index'

/** The consent UI's contract link opens the app's own agreement page, on every platform. */
const contract = { ...CONTRACT, open: () => Taro.navigateTo({ url: `/${AGREEMENT_PAGE}` }).then(() => undefined) }

/**
 * One line of setup: `<PrivacyModalPortal />` shows the consent UI in whichever page is
 * on top, so pages need no `<PrivacyModal/>` of their own (the album page still has one,
 * to show that an explicit modal keeps working). It stays off the agreement page, so the
 * user can read it while a call waits.
 *
 * `npm run build:weapp-official` builds the same app with `officialPopup`: WeChat shows its
 * own popup, and the pages keep `require()` and the status (no consent UI of the app's).
 *
 * `npm run build:weapp-forced` builds it with consent the user cannot dismiss, checked again
 * on every page show (`openOnRequired="always"` + `recheckOnShow`); the consent UI then hides the
 * native tab bar while it shows on a tab page (`hideTabBar`, on with `dismissible={false}`).
 */
export default function App({ children }: PropsWithChildren) {
  return (
    <PrivacyProvider contract={contract} officialPopup={PRIVACY_OFFICIAL_POPUP} openOnRequired={PRIVACY_FORCED ? 'always' : false}>
      {children}
      <PrivacyModalPortal
        exclude={[AGREEMENT_PAGE]}
        dismissible={!PRIVACY_FORCED}
        recheckOnShow={PRIVACY_FORCED}
        onContractError={(error) => Taro.showToast({ title: `协议打开失败：${error.code}`, icon: 'none' })}
      />
    </PrivacyProvider>
  )
}
