import { createApp } from 'vue'
import { createPrivacy } from 'taro-privacy/vue'

const App = createApp({})

App.use(createPrivacy())

export default App
