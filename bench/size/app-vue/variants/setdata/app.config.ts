export default defineAppConfig({
  pages: ['pages/index/index', 'pages/list/index'],
  __usePrivacyCheck__: true,
})
