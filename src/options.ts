import { join } from 'node:path';
import type { Logger } from 'pino';

import type { ErrorStatusPolicy } from './envelope/vendor-codes';
import type { FixtureStore } from './fixtures/load-fixtures';
import type { CompiledSpec } from './spec/load-spec';
import type { AdminOptions } from './admin/admin-router';
import type { CompiledScenarios } from './scenarios/compile-scenarios';
import type { MockState } from './sessions/mock-state';

/** The OpenAPI document shipped with the package. */
export const DEFAULT_SPEC_FILE = join(__dirname, '..', 'spec', 'openapi.yaml');

export const DEFAULT_SEED = 1;

/** Largest request body read, in bytes; a larger one gets HTTP 413. */
export const DEFAULT_MAX_BODY_BYTES = 100 * 1024;

/** Options of `createApp`. */
export interface MockOptions {
  /** The compiled OpenAPI document, from `loadSpec`. */
  spec: CompiledSpec;
  /** Stored bodies that replace generated profiles. Default: none. */
  fixtures?: FixtureStore;
  /** Seed of the generated profiles. Default: 1. */
  seed?: number;
  /** Keys accepted in the `key` header. Default: any non-empty key. */
  keys?: readonly string[];
  /** HTTP status of vendor error codes. Default: `200`. */
  errorStatus?: ErrorStatusPolicy;
  /** Largest request body in bytes. Default: 100 KiB. */
  maxBodyBytes?: number;
  /** Logger for request logs. Default: none, so nothing is logged. */
  logger?: Logger;
  /** Scenarios from `loadScenarioFile`. Default: none. */
  scenarios?: CompiledScenarios;
  /** Run-time state to share with the caller, as startMockServer does. Default: a new one. */
  state?: MockState;
  /** Admin API under /__admin; `false` turns it off. Default: on, without a token. */
  admin?: false | AdminOptions;
  /** Requests kept in each session's journal. Default: 1000. */
  journalSize?: number;
}
