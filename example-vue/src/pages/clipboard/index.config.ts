export default definePageConfig({ navigationBarTitleText: '同时调用多个隐私接口' })
