module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'plan-read',
  rootDir: __dirname,
};
