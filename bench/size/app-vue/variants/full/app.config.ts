export default defineAppConfig({
  pages: ['pages/index/index'],
  __usePrivacyCheck__: true,
})
