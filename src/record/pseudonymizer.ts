import { createHmac, randomBytes } from 'node:crypto';

import { synthesizeValue, type Keystream } from './synthetic-values';

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

  return {
    replace(value) {
      let replacement = synthetic.get(value);
      if (replacement === undefined) {
        replacement = synthesizeValue(value, keystream);
        synthetic.set(value, replacement);
      }
      return replacement;
    },
    get distinctValues() {
      return synthetic.size;
    },
  };
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
