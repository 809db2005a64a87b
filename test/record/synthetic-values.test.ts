import { createHmac } from 'node:crypto';
import fc from 'fast-check';

import { synthesizeValue, type Keystream } from '../../src/record/synthetic-values';

function createTestKeystream(secret: string): Keystream {
  return (input, length) => {
    const blocks: Buffer[] = [];
    for (let block = 0; blocks.length * 32 < length; block += 1) {
      blocks.push(createHmac('sha256', secret).update(`${block}:${input}`).digest());
    }
    return Buffer.concat(blocks).subarray(0, length);
  };
}

const keystream = createTestKeystream('seed-1');

describe('synthesizeValue', () => {
  it.each([
    ['digits', '447911123456', /^[1-9]\d{11}$/],
    ['leading zero', '072326', /^0\d{5}$/],
    ['email', 'alice.walker@corp-mail.co.uk', /^[a-z]{5}\.[a-z]{6}@example\.com$/],
    ['uuid v4', 'e3d1b2c4-7a8f-4e6d-9b1c-2f3e4d5c6b7a', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-9[0-9a-f]{3}-[0-9a-f]{12}$/],
    ['lower hex', 'a3f9c2e17b4d8e06', /^[0-9a-f]{16}$/],
    ['upper hex', 'A3F9C2E17B4D8E06', /^[0-9A-F]{16}$/],
    ['name', 'Alice Walker', /^[A-Z][a-z]{4} [A-Z][a-z]{5}$/],
    ['ipv4', '81.2.69.160', /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/],
    ['ipv6', '2a00:1450:4009:81e::200e', /^2001:db8::[0-9a-f]{4}:[0-9a-f]{4}$/],
    ['date', '1987-06-15', /^(19[5-9]\d|200[0-4])-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/],
    ['geolocation', '53.4808,-2.2426', /^\d{2}\.\d{4},-\d\.\d{4}$/],
    ['non-ASCII name', 'Zoë Ødegård', /^[A-Z][a-z]{2} [A-Z][a-z]{6}$/],
  ])('keeps the format of %s', (_kind, value, format) => {
    const synthetic = synthesizeValue(value, keystream);

    expect(synthetic).toMatch(format);
    expect(synthetic).not.toBe(value);
  });

  it('keeps an empty value', () => {
    expect(synthesizeValue('', keystream)).toBe('');
  });

  it('returns the same value for the same input', () => {
    expect(synthesizeValue('447911123456', keystream)).toBe(synthesizeValue('447911123456', keystream));
  });

  it('differs between secrets', () => {
    const other = createTestKeystream('seed-2');

    expect(synthesizeValue('447911123456', other)).not.toBe(synthesizeValue('447911123456', keystream));
  });

  it('maps the parts of a composite value alike', () => {
    const userId = synthesizeValue('alice-5531', keystream);
    const deviceId = synthesizeValue('b71e90c4d2a85f13', keystream);

    expect(synthesizeValue('alice-5531_b71e90c4d2a85f13', keystream)).toBe(`${userId}_${deviceId}`);
  });

  it('never returns a token unchanged (seed 7)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), (value) => {
        expect(synthesizeValue(value, keystream)).not.toBe(value);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('keeps length and separators (seed 11)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,8}([-_ ][A-Z0-9]{1,8}){0,3}$/), (value) => {
        const synthetic = synthesizeValue(value, keystream);
        expect(synthetic).toHaveLength(value.length);
        expect(synthetic.replace(/[A-Za-z0-9]/g, 'x')).toBe(value.replace(/[A-Za-z0-9]/g, 'x'));
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
