export default definePageConfig({ navigationBarTitleText: '微信昵称' })
