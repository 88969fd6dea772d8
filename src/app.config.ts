export default defineAppConfig({
  // The resident's path stays in the main package: home, the round, the ballot.
  pages: ['pages/index/index', 'pages/round/index', 'pages/ballot/index'],
  // Organizer and admin screens (and the once-visited code redemption) load only when opened.
  subPackages: [
    {
      root: 'organizer',
      pages: ['pages/workbench/index', 'pages/create/index', 'pages/round/index', 'pages/invite/index', 'pages/redeem/index', 'pages/audit/index', 'pages/people/index', 'pages/codes/index', 'pages/units/index', 'pages/report/index', 'pages/paper/index', 'pages/ledger/index', 'pages/rectify/index', 'pages/item/index', 'pages/mine/index'],
    },
    // Leaders' dashboard with its charts (ECharts): loaded only by role holders who open it.
    { root: 'dashboard', pages: ['pages/area/index', 'pages/round/index', 'pages/target/index', 'pages/verdicts/index'] },
    // A published round's 评议结果 and 整改进展 for residents: no charts, so it stays small.
    { root: 'outcome', pages: ['pages/round/index', 'pages/progress/index'] },
    // 会场大屏: a projector or TV is driven by a browser, so the big screen is built for H5 only and
    // the mini-program's app.json never lists it (test/weapp/pages.test.ts pins that list).
    ...(process.env.TARO_ENV === 'h5' ? [{ root: 'meeting', pages: ['pages/screen/index'] }] : []),
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '群评',
    navigationBarTextStyle: 'white',
  },
})
