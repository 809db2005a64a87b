// Pact sends usage data unless this is set; jest workers inherit it.
process.env.PACT_DO_NOT_TRACK ??= 'true';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  // @faker-js/faker, the ref parser of swagger-parser and the proxy agents
  // of @pact-foundation/pact 16.5 ship ES modules only, and jest on Node 20
  // cannot require them, so it transforms them.
  transformIgnorePatterns: [
    '/node_modules/(?!(@faker-js|@apidevtools/json-schema-ref-parser|https-proxy-agent|agent-base|proxy-agent-negotiate)/)',
  ],
  testTimeout: 30_000,
};
