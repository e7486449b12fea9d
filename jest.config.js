/** Unit specs sit beside the code; integration and e2e specs live in test/. */
const fs = require('node:fs');
const swcOptions = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', { ...swcOptions, swcrc: false }] },
  // A few dependencies ship only ES modules, which Jest's CommonJS runtime on Node 20 cannot require.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  setupFiles: ['<rootDir>/test/helpers/setup-env.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  forceExit: false,
};
