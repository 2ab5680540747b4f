export default definePageConfig({ navigationBarTitleText: '分享落地页' })
