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
  startRecorder,
  RecordOutputError,
  type RunningRecorder,
} from './record/start-recorder';
export { createRecorderApp, type RecorderOptions } from './record/create-recorder-app';
export { startProxy } from './proxy/start-proxy';
export { createProxyApp, type ProxyOptions } from './proxy/create-proxy-app';
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
export {
  startMockServer,
  type StartMockServerOptions,
  type MockServer,
} from './server/start-mock-server';
export type { SessionHelpers } from './server/session-helpers';
export { loadScenarioFile, ScenarioError } from './scenarios/load-scenario-file';
export type {
  ScenarioDocument,
  ScenarioDefinition,
  OutcomeDefinition,
  DelayDefinition,
  StringMatcherDefinition,
} from './scenarios/scenario-document';
export { FAULTS, FAULT_NAMES, type FaultName } from './faults/fault-names';
export { MAX_DELAY_MS } from './scenarios/delay';
export { SESSION_HEADER, DEFAULT_SESSION } from './sessions/mock-state';
export type { JournalEntry, JournalFilter } from './journal/journal';
export type { Outcome, ResponseChoice } from './outcome/outcome';
export * from './client';
