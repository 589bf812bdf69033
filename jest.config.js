/** Jest runs the TypeScript sources through ts-jest; test/count-reporter.js prints the closing
 * `N passed, N failed` line that CI reads. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  reporters: ['default', '<rootDir>/test/count-reporter.js'],
  testTimeout: 30000,
};
