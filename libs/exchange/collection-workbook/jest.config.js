module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'exchange-collection-workbook',
  rootDir: __dirname,
};
