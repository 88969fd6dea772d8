export default definePageConfig({ navigationBarTitleText: '整改进展' })
