import { createApp } from 'vue'
import { createPrivacy, createPrivacyPortal } from 'taro-privacy/vue'
import { CONTRACT } from './lib/contract'
import './app.css'

/** Taro's Vue 3 entry: the app is `createApp(options)`; Taro mounts each page into it. */
const App = createApp({})

// The store, for every page and component (on H5 the consent is kept per contract version).
App.use(createPrivacy({ contract: CONTRACT }))
// The consent UI in the page on top, so pages need no <PrivacyModal> of their own
// (the home page has one anyway: the portal then stays off it).
App.use(createPrivacyPortal())

export default App
