module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'reporting-core',
  rootDir: __dirname,
};
