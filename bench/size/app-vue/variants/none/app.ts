import { createApp } from 'vue'

const App = createApp({})

export default App
