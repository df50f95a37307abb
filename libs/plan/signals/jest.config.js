module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'plan-signals',
  rootDir: __dirname,
};
