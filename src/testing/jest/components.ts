// `@tarojs/components` under jest (the preset maps it here): the React doubles where the app
// has React, else the components as the plain tags a Vue render function takes (a Vue app
// has no React, and its templates' tags are plain elements under jest too).
function hasReact(): boolean {
  try {
    require.resolve('react')
    return true
  } catch (error) {
    return false
  }
}

// The components the React doubles (components-react.tsx) have.
const TAGS = ['View', 'Text', 'ScrollView', 'Swiper', 'SwiperItem', 'Navigator', 'Form', 'Label', 'Block', 'RichText', 'Image', 'Input', 'Textarea', 'Button']

module.exports = hasReact()
  ? require('./components-react.cjs')
  : Object.fromEntries(TAGS.map((name) => [name, name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()]))
