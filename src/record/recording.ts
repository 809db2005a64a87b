import type { VendorEnvelope } from '../envelope/envelope';
import type { Validator } from '../spec/schema-compiler';
import { anonymizeEnvelope, findLeakedValues } from './anonymize-envelope';
import { createPseudonymizer, type Pseudonymizer } from './pseudonymizer';
import { writeFixture } from './write-fixture';

/** Options of `createRecording`. */
export interface RecordingOptions {
  /** Folder the fixtures are written to. */
  outDir: string;
  /** Validates a 1000 body, so that every stored fixture loads on replay. */
  validateSuccessBody: Validator;
  /** Keep the identifier in file names instead of replacing it. Default: false. */
  keepIdentifiers?: boolean;
  /** HMAC secret of the value mapping. Default: 32 random bytes. */
  secret?: Buffer;
}

/** The result of offering one upstream body to the recording. */
export type StoreResult =
  | { stored: true; file: string; unknownNames: string[] }
  | { stored: false; reason: string };

/** Counts of a recording, safe to log: no value and no mapping. */
export interface RecordingSummary {
  fixturesStored: number;
  responsesNotStored: number;
  identifiersReplaced: number;
  distinctValuesReplaced: number;
}

/** The fixtures and the value mapping of one run of `record`. */
export interface Recording {
  store(appId: string, identifier: string, body: unknown): StoreResult;
  summarize(): RecordingSummary;
}

/** App ids become folder names, so an id that could leave the folder is rejected. */
const SAFE_APP_ID = /^(?!\.{1,2}$)[\w.-]+$/;

/**
 * Creates a recording: it stores each 1000 body as an anonymized fixture
 * and rejects anything else with a reason.
 *
 * @example
 * const recording = createRecording({ outDir: 'recorded', validateSuccessBody });
 * recording.store('a_1', 'user-1', body); // { stored: true, file: 'a_1/....json', ... }
 */
export function createRecording(options: RecordingOptions): Recording {
  const pseudonymizer = createPseudonymizer(options.secret);
  const identifiers = new Set<string>();
  let fixturesStored = 0;
  let responsesNotStored = 0;

  return {
    store(appId, identifier, body) {
      const result = storeFixture(options, pseudonymizer, { appId, identifier, body });
      if (!result.stored) responsesNotStored += 1;
      if (result.stored) fixturesStored += 1;
      if (result.stored && !options.keepIdentifiers) identifiers.add(identifier);
      return result;
    },
    summarize: () => ({
      fixturesStored,
      responsesNotStored,
      identifiersReplaced: identifiers.size,
      distinctValuesReplaced: pseudonymizer.distinctValues,
    }),
  };
}

interface Capture {
  appId: string;
  identifier: string;
  body: unknown;
}

function storeFixture(
  options: RecordingOptions,
  pseudonymizer: Pseudonymizer,
  capture: Capture,
): StoreResult {
  const rejection = checkCapture(options, capture);
  if (rejection) return { stored: false, reason: rejection };

  const anonymized = anonymizeEnvelope(capture.body as VendorEnvelope, pseudonymizer);
  const identifier = options.keepIdentifiers
    ? capture.identifier
    : pseudonymizer.replace(capture.identifier);
  if (!options.keepIdentifiers) anonymized.replacedValues.add(capture.identifier);

  const content = `${JSON.stringify(anonymized.envelope, null, 2)}\n`;
  const leaks = findLeakedValues(content, anonymized.replacedValues);
  if (leaks.length > 0) {
    return {
      stored: false,
      reason: `${leaks.length} replaced value(s) still occur in another column after anonymization; add those columns to the personal list`,
    };
  }

  const file = writeFixture(options.outDir, capture.appId, identifier, content);
  return { stored: true, file, unknownNames: [...anonymized.unknownNames] };
}

function checkCapture(options: RecordingOptions, capture: Capture): string | undefined {
  const code = (capture.body as { code?: unknown } | null)?.code;
  if (String(code) !== '1000') return `the upstream returned code ${String(code)}, and only 1000 bodies are stored`;
  if (capture.identifier === '') return 'the request has no identifier to name the fixture by';
  if (!SAFE_APP_ID.test(capture.appId)) return 'the appId is not a safe folder name (letters, digits, _, . and - only)';

  const violations = options.validateSuccessBody(capture.body);
  if (violations.length > 0) {
    return `the body does not match the spec's success schema: ${violations[0]} (${violations.length} violation(s))`;
  }
  return undefined;
}
