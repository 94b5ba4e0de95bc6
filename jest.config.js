/** Tier 1: everything that needs only Node. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/real/'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/shims/office-addin-manifest.js',
  },
  testTimeout: 60000,
};
