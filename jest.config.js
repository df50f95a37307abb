// Runs every project's tests. Each project also has its own jest.config.js (nx test <project>).
module.exports = {
  // Global options are not read from project configs in a multi-project run.
  testTimeout: 120000,
  projects: [
    '<rootDir>/apps/api',
    '<rootDir>/apps/cli',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web-e2e',
    '<rootDir>/libs/audit',
    '<rootDir>/libs/auth',
    '<rootDir>/libs/domain',
    '<rootDir>/libs/exchange/spending-extract',
    '<rootDir>/libs/exchange/collection-workbook',
    '<rootDir>/libs/platform/config',
    '<rootDir>/libs/platform/database',
    '<rootDir>/libs/platform/graphql-kit',
    '<rootDir>/libs/plan/read',
    '<rootDir>/libs/plan/signals',
    '<rootDir>/libs/plan/write',
    '<rootDir>/libs/reporting/core',
    '<rootDir>/libs/reporting/delivery',
    '<rootDir>/libs/testing',
    '<rootDir>/seed',
  ],
};
