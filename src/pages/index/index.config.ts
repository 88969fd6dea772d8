export default definePageConfig({ navigationBarTitleText: '群评' })
