export default definePageConfig({ navigationBarTitleText: '分包页面' })
