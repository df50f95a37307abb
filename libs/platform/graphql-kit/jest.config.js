module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'graphql-kit',
  rootDir: __dirname,
};
