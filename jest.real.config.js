/** Tier 2: real tools (LibreOffice headless, Chromium). .ci/run installs them. */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
  roots: ['<rootDir>/test/real'],
  testTimeout: 180000,
};
