import { createApp } from 'vue'
import { createPrivacy, createPrivacyPortal } from 'taro-privacy/vue'

const CONTRACT = { name: '《兼容性测试隐私保护指引》', version: '1' }

/** Taro's Vue 3 entry: the app is `createApp(options)`; Taro mounts each page into it. */
const App = createApp({})

App.use(createPrivacy({ contract: CONTRACT }))
// The consent UI in the page on top (navigateTo, navigateBack, switchTab, h5 routes).
App.use(createPrivacyPortal())

export default App
