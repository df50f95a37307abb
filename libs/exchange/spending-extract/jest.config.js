module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'spending-extract',
  rootDir: __dirname,
};
