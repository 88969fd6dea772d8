export default definePageConfig({ navigationBarTitleText: '会场大屏' })
