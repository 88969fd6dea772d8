export default definePageConfig({ navigationBarTitleText: '登记整改事项' })
