export default definePageConfig({ navigationBarTitleText: '剪贴板与定位' })
