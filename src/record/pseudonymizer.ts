import { createHmac, randomBytes } from 'node:crypto';

import { synthesizeValue, type Keystream } from './synthetic-values';

/** Attempts at a synthetic value that no other real value got. */
const MAX_ATTEMPTS = 32;

/** Replaces real values with synthetic ones, consistently for one recording. */
export interface Pseudonymizer {
  /** Returns the synthetic value of a real one, the same every time. */
  replace(value: string): string;
  /** Number of distinct real values replaced so far. */
  readonly distinctValues: number;
}

/**
 * Creates the value mapping of one recording. Synthetic values derive from
 * an HMAC-SHA256 of the real value under a secret that exists only in
 * memory. So the same real value gets the same synthetic value everywhere
 * in the recording, and the mapping cannot be recomputed without the secret.
 * A new recording gets a new random secret unless one is given.
 *
 * @example
 * const pseudonymizer = createPseudonymizer();
 * pseudonymizer.replace('447700900614') === pseudonymizer.replace('447700900614'); // true
 */
export function createPseudonymizer(secret: Buffer = randomBytes(32)): Pseudonymizer {
  const keystream = createKeystream(secret);
  const synthetic = new Map<string, string>();
  const used = new Set<string>();

  return {
    replace(value) {
      let replacement = synthetic.get(value);
      if (replacement === undefined) {
        replacement = synthesizeUnused(value, keystream, used);
        synthetic.set(value, replacement);
        used.add(replacement);
      }
      return replacement;
    },
    get distinctValues() {
      return synthetic.size;
    },
  };
}

/**
 * Synthesizes a value that no other real value of the recording got, so two
 * users never share a synthetic identifier and never overwrite each
 * other's fixture. A short format can run out of unused values, and after
 * MAX_ATTEMPTS the last candidate is taken even if it is used.
 */
function synthesizeUnused(value: string, keystream: Keystream, used: ReadonlySet<string>): string {
  let candidate = synthesizeValue(value, keystream);
  for (let attempt = 1; attempt < MAX_ATTEMPTS && used.has(candidate); attempt += 1) {
    const salted: Keystream = (input, length) => keystream(`retry:${attempt}:${input}`, length);
    candidate = synthesizeValue(value, salted);
  }
  return candidate;
}

function createKeystream(secret: Buffer): Keystream {
  return (input, length) => {
    const blocks: Buffer[] = [];
    for (let block = 0; blocks.length * 32 < length; block += 1) {
      blocks.push(createHmac('sha256', secret).update(`${block}\u0000${input}`).digest());
    }
    return Buffer.concat(blocks).subarray(0, length);
  };
}
