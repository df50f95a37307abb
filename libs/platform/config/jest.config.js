module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'config',
  rootDir: __dirname,
};
