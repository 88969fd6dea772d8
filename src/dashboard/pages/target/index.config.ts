export default definePageConfig({ navigationBarTitleText: '评议对象详情', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
