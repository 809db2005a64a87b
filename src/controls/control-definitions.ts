import type { CompiledSpec } from '../spec/load-spec';
import {
  isVendorCode,
  VENDOR_CODE_LIST,
  type VendorCode,
} from '../envelope/vendor-codes';
import { ProblemError } from '../http/problem';
import { FAULT_NAMES, isFaultName, type FaultName } from '../faults/fault-names';
import { MAX_DELAY_MS } from '../scenarios/delay';

/** Controls that one request sets on the mock. */
export interface MockControls {
  /** Forces a vendor code. */
  code?: VendorCode;
  /** Serves a named example of the spec. */
  example?: string;
  /** Generates the profile with this seed instead of the server's. */
  seed?: number;
  /** Waits this many milliseconds before sending, up to MAX_DELAY_MS. */
  delay?: number;
  /** Injects a fault at send time. */
  fault?: FaultName;
}

export type ControlName = keyof MockControls;

/** Parses the text value of one control, or throws a ProblemError. */
type ControlParser<Name extends ControlName> = (
  value: string,
  spec: CompiledSpec,
) => NonNullable<MockControls[Name]>;

const MAX_SEED = 2 ** 32 - 1;

export const CONTROL_PARSERS: { [Name in ControlName]: ControlParser<Name> } = {
  code(value) {
    if (isVendorCode(value)) return value;
    const hint = /^[1-5]\d\d$/.test(value)
      ? ` ${value} is an HTTP status, not a vendor code.`
      : '';
    throw invalidValue('code', value, VENDOR_CODE_LIST, hint);
  },

  example(value, spec) {
    if (spec.examples.has(value)) return value;
    throw invalidValue('example', value, [...spec.examples.keys()]);
  },

  seed(value) {
    const seed = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (seed <= MAX_SEED) return seed;
    throw new ProblemError(
      'invalid-control',
      `Invalid value "${value}" for mock control seed: use an integer from 0 to ${MAX_SEED}.`,
      { control: 'seed', value },
    );
  },

  delay(value) {
    const delay = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (delay <= MAX_DELAY_MS) return delay;
    throw new ProblemError(
      'invalid-control',
      `Invalid value "${value}" for mock control delay: use whole milliseconds from 0 to ${MAX_DELAY_MS}.`,
      { control: 'delay', value, maximum: MAX_DELAY_MS },
    );
  },

  fault(value) {
    if (isFaultName(value)) return value;
    throw invalidValue('fault', value, FAULT_NAMES);
  },
};

export const CONTROL_NAMES = Object.keys(CONTROL_PARSERS) as ControlName[];

function invalidValue(
  control: ControlName,
  value: string,
  allowed: readonly string[],
  hint = '',
): ProblemError {
  return new ProblemError(
    'invalid-control',
    `Invalid value "${value}" for mock control ${control}: use one of ${allowed.join(', ')}.${hint}`,
    { control, value, allowed },
  );
}
