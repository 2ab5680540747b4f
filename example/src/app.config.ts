export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    navigationBarTitleText: 'taro-privacy 示例',
  },
})
