/** Jest for `npm run mutation` (StrykerJS): the pure core's own tests only, no type-check per
 * mutant (ts-jest isolatedModules), plain reporters. `npm test` uses jest.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/unit', '<rootDir>/test/architecture'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
