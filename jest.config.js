/**
 * Projects: pure/unit tests, tests that start the local stack in-process, browser tests against one
 * started product, and the weapp bundle run as WeChat runs it. `npm test` runs them in the lanes of
 * scripts/test.ts: a new project joins one.
 */
const common = {
  testEnvironment: 'node',
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  setupFilesAfterEnv: ['<rootDir>/test/profile/waiting.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/test/transform.js' },
}
/**
 * Integration suites that drive whole processes and mostly wait on them (a kill -9 of the product or
 * of the embedded CloudBase, then a restart): the `processes` project, which joins whichever lane
 * has room (scripts/test.ts).
 */
const PROCESS_SUITES = ['durability', 'store-durability']
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/test/e2e/', '/test/integration/', '/test/weapp/'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      testPathIgnorePatterns: PROCESS_SUITES.map((name) => `/test/integration/${name}\\.test\\.ts$`),
    },
    { ...common, displayName: 'processes', testMatch: PROCESS_SUITES.map((name) => `<rootDir>/test/integration/${name}.test.ts`) },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    // One weapp build per run (reused while fresh), shared with test/e2e/weapp-build.test.ts.
    { ...common, displayName: 'weapp', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'], globalSetup: '<rootDir>/test/weapp/global-setup.ts' },
  ],
}
