module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'reporting-delivery',
  rootDir: __dirname,
};
