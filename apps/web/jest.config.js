// Unit tests of the web app's pure modules (formats, Italian input, filters); screens are tested
// in Chromium by apps/web-e2e.
const path = require('node:path');

module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
