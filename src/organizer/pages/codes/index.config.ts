export default definePageConfig({ navigationBarTitleText: '邀请码使用情况' })
