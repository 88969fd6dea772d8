export default definePageConfig({ navigationBarTitleText: '本单位情况报告' })
