import { listenForTaps } from './dom-taps'
import { doublesFor } from './doubles-for'

// `@tarojs/components` under jest (the preset maps it here): the React doubles in a React
// app, else the components as the plain tags a Vue render function takes (a Vue app's
// templates' tags are plain elements under jest too). See doublesFor.
function installed(name: string): boolean {
  try {
    require.resolve(name)
    return true
  } catch (error) {
    return false
  }
}

// The components the React doubles (components-react.tsx) have.
const TAGS = ['View', 'Text', 'ScrollView', 'Swiper', 'SwiperItem', 'Navigator', 'Form', 'Label', 'Block', 'RichText', 'Image', 'Input', 'Textarea', 'Button']

if (doublesFor(installed) === 'react') {
  module.exports = require('./components-react.cjs')
} else {
  // A click on these tags is a tap (and an agree button's agree) even where the app's code never loads @tarojs/taro.
  listenForTaps()
  module.exports = Object.fromEntries(TAGS.map((name) => [name, name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()]))
}
