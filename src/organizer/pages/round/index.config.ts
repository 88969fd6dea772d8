export default definePageConfig({ navigationBarTitleText: '评议详情', enableShareAppMessage: true })
