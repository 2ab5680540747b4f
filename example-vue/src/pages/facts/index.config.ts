export default definePageConfig({ navigationBarTitleText: 'facts' })
