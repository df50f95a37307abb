module.exports = {
  ...require('../jest.preset'),
  displayName: 'seed',
  rootDir: __dirname,
};
