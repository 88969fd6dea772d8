export default definePageConfig({ navigationBarTitleText: '认定确认' })
