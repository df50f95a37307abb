// The web application in Chromium against the built service (`npm run build` first: npm test does).
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testTimeout: 180000,
};
