// Runs every project's tests. Each project also has its own jest.config.js (nx test <project>).
module.exports = {
  projects: [
    '<rootDir>/apps/api',
    '<rootDir>/apps/cli',
    '<rootDir>/libs/domain',
    '<rootDir>/libs/platform/config',
    '<rootDir>/libs/platform/database',
    '<rootDir>/libs/platform/graphql-kit',
    '<rootDir>/libs/plan/read',
    '<rootDir>/libs/testing',
    '<rootDir>/seed',
  ],
};
