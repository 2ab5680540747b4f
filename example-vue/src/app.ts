import { createApp } from 'vue'
import { probePlugin } from './probe/plugin'
import './app.css'

/** Taro's Vue 3 entry: the app is `createApp(options)`; Taro mounts each page into it. */
const App = createApp({
  onShow() {},
})

App.use(probePlugin)

export default App
