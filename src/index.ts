/**
 * A mock server of imiconnect (Webex Connect) Profile API v2, Get App
 * Profile, built from its OpenAPI document.
 */
export { createApp } from './http/create-app';
export { listen, ListenError, type RunningServer } from './server/listen';
export { loadSpec, SpecError, type CompiledSpec } from './spec/load-spec';
export {
  loadFixtures,
  fixturePath,
  FixtureError,
  type FixtureStore,
} from './fixtures/load-fixtures';
export { generateRecords } from './profiles/generate-records';
export {
  DEFAULT_SPEC_FILE,
  DEFAULT_SEED,
  DEFAULT_MAX_BODY_BYTES,
  type MockOptions,
} from './options';
export {
  VENDOR_CODES,
  type VendorCode,
  type ErrorStatusPolicy,
} from './envelope/vendor-codes';
export type {
  VendorEnvelope,
  AppProfileRecord,
  Column,
  ProfileLink,
} from './envelope/envelope';
export * from './client';
