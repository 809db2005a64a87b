import { createHash } from 'node:crypto';
import { base, en, Faker } from '@faker-js/faker';

/**
 * Creates a Faker instance of its own, seeded from the given parts. The
 * shared `faker.seed()` would let concurrent requests reseed each other, so
 * every generation gets a fresh instance. The parts are hashed with SHA-256
 * so that nearby inputs (`user-1`, `user-2`) give unrelated seeds.
 *
 * @example
 * const faker = createSeededFaker(42, 'a_636035705699961900', 'user-1');
 */
export function createSeededFaker(...parts: Array<string | number>): Faker {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(hashToSeed(parts));
  return faker;
}

function hashToSeed(parts: Array<string | number>): number[] {
  const hash = createHash('sha256');
  for (const part of parts) {
    // A separator that cannot occur in a string part keeps ("ab", "c") and
    // ("a", "bc") apart.
    hash.update(`${typeof part}:${String(part).length}:${String(part)}\u0000`);
  }
  const digest = hash.digest();
  const words: number[] = [];
  for (let offset = 0; offset < digest.length; offset += 4) {
    words.push(digest.readUInt32LE(offset));
  }
  return words;
}
