// Taro's components as a library would import them: strings on mini-programs, Vue wrappers of the web components on h5.
export { Button, Text, View } from '@tarojs/components'
