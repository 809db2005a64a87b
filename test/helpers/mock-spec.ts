import { loadSpec, type CompiledSpec } from '../../src/spec/load-spec';
import { DEFAULT_SPEC_FILE } from '../../src/options';

let bundled: Promise<CompiledSpec> | undefined;

/** Loads the bundled spec once per test file. */
export function loadBundledSpec(): Promise<CompiledSpec> {
  bundled ??= loadSpec(DEFAULT_SPEC_FILE);
  return bundled;
}

export const APP_ID = 'a_636035705699961900';
export const PROFILE_PATH = `/resources/v2/customerappprofile/${APP_ID}`;
