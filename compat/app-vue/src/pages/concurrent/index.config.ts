export default definePageConfig({ navigationBarTitleText: '并发调用' })
