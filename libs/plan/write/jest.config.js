module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'plan-write',
  rootDir: __dirname,
};
