export default defineAppConfig({
  // The resident's path stays in the main package: home, the round, the ballot.
  pages: ['pages/index/index', 'pages/round/index', 'pages/ballot/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '群评',
    navigationBarTextStyle: 'white',
  },
})
