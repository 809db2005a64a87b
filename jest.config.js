/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  // @faker-js/faker and the ref parser of swagger-parser ship ES modules
  // only, and jest on Node 20 cannot require them, so it transforms them.
  transformIgnorePatterns: [
    '/node_modules/(?!(@faker-js|@apidevtools/json-schema-ref-parser|https-proxy-agent|agent-base|proxy-agent-negotiate)/)',
  ],
  testTimeout: 30_000,
};
