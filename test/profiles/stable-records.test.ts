import { createHash } from 'node:crypto';

import { generateRecords } from '../../src/profiles/generate-records';

// SHA-256 of the JSON of generated records, taken from the generator that
// built a new Faker per call. The shared, reseeded Faker and the cached
// app catalog must keep every byte the same.
const EXPECTED: Array<[number, string, string, string]> = [
  [1, 'a_636035705699961900', 'user-1', 'd4101735888ed5de0d8ae4baaab22ee3db5ace6a57c755fbcbb8e9134560c07a'],
  [1, 'a_636035705699961900', 'Check123457', 'e70da3bd8320dfd5750ccf43fd3f9be1c2e8a7cecdd9736402b0639364d4e32f'],
  [42, 'BO20055029', '1234', '0024f9e794197f13b83dab180d079f2a2817387f669ff4c9025982f1abc31830'],
  [7, 'a_636035705699961900', 'ユーザー', '68fe1527a1b5062ccd0fc66c363af3f2493d00dfa38e00f7a9862314b31c4789'],
];

describe('generated records', () => {
  it.each(EXPECTED)('stay the same for seed %i, app %s, user %s', (seed, appId, identifier, digest) => {
    const json = JSON.stringify(generateRecords(seed, appId, identifier));

    expect(createHash('sha256').update(json).digest('hex')).toBe(digest);
  });

  it('stay the same when generated in another order', () => {
    const [first, second] = EXPECTED;
    generateRecords(second?.[0] ?? 0, second?.[1] ?? '', second?.[2] ?? '');
    const json = JSON.stringify(generateRecords(first?.[0] ?? 0, first?.[1] ?? '', first?.[2] ?? ''));

    expect(createHash('sha256').update(json).digest('hex')).toBe(first?.[3]);
  });
});
