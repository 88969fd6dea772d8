export default definePageConfig({ navigationBarTitleText: '评议表', enableShareAppMessage: true })
