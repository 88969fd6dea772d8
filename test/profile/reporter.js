/** Profiling only: a jest reporter that writes each suite's start, end and test count to QUNPING_PROFILE/suites-<pid>.json (one file per lane). */
const fs = require('node:fs')
const path = require('node:path')

class ProfileReporter {
  constructor() {
    this.suites = []
  }
  onTestResult(test, result) {
    this.suites.push({
      testPath: result.testFilePath,
      project: test.context.config.displayName?.name ?? '',
      start: result.perfStats.start,
      end: result.perfStats.end,
      tests: result.testResults.length,
      failed: result.numFailingTests + (result.testExecError ? 1 : 0),
    })
  }
  onRunComplete() {
    const dir = process.env.QUNPING_PROFILE
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `suites-${process.pid}.json`), JSON.stringify({ globalSetupMs: Number(process.env.QUNPING_PROFILE_SETUP_MS ?? 0), suites: this.suites }))
  }
}
module.exports = ProfileReporter
