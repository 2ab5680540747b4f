import { createApp } from 'vue'
import { createPrivacy, createPrivacyPortal } from 'taro-privacy/vue'

const App = createApp({})

App.use(createPrivacy())
App.use(createPrivacyPortal())

export default App
