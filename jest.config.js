/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  // @faker-js/faker ships ES modules only, so jest must transform it too.
  transformIgnorePatterns: ['/node_modules/(?!@faker-js/)'],
  testTimeout: 30_000,
};
