/** Jest runs the TypeScript sources through ts-jest; test/count-reporter.js prints the closing
 * `N passed, N failed` line that CI reads. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup-validators.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  reporters: ['<rootDir>/test/default-reporter.js', 'summary', '<rootDir>/test/count-reporter.js'],
  testTimeout: 30000,
};
