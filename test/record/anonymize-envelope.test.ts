import { anonymizeEnvelope, findLeakedValues } from '../../src/record/anonymize-envelope';
import { classifyColumn } from '../../src/record/personal-columns';
import { createPseudonymizer } from '../../src/record/pseudonymizer';
import type { VendorEnvelope } from '../../src/envelope/envelope';
import { buildRealProfile, PERSONAL_VALUES, REAL_IDENTIFIER, valueOf } from '../helpers/real-looking-profile';

const SECRET = Buffer.alloc(32, 7);

function withAttribute(Name: string, Value: string | number): VendorEnvelope {
  const body = buildRealProfile();
  body.Records[0]?.Attributes.push({ Name, Value, ID: 999 });
  return body;
}

describe('anonymizeEnvelope', () => {
  it('replaces every personal value', () => {
    const { envelope } = anonymizeEnvelope(buildRealProfile(), createPseudonymizer(SECRET));
    const serialized = JSON.stringify(envelope);

    for (const value of PERSONAL_VALUES) {
      expect({ leaked: serialized.includes(value) ? value : null }).toEqual({ leaked: null });
    }
  });

  it('leaves the source body unchanged', () => {
    const source = buildRealProfile();

    anonymizeEnvelope(source, createPseudonymizer(SECRET));

    expect(source).toEqual(buildRealProfile());
  });

  it('maps the identifier like the userId', () => {
    const pseudonymizer = createPseudonymizer(SECRET);
    const { envelope } = anonymizeEnvelope(buildRealProfile(), pseudonymizer);

    expect(valueOf(envelope.Records[0]?.Attributes ?? [], 'userId')).toBe(pseudonymizer.replace(REAL_IDENTIFIER));
  });

  it('is stable for one secret and differs for another', () => {
    const first = anonymizeEnvelope(buildRealProfile(), createPseudonymizer(SECRET)).envelope;
    const again = anonymizeEnvelope(buildRealProfile(), createPseudonymizer(SECRET)).envelope;
    const other = anonymizeEnvelope(buildRealProfile(), createPseudonymizer(Buffer.alloc(32, 8))).envelope;

    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('keeps a personal number a number', () => {
    const { envelope } = anonymizeEnvelope(withAttribute('customerId', 2006), createPseudonymizer(SECRET));
    const value = envelope.Records[0]?.Attributes.at(-1)?.Value;

    expect(typeof value).toBe('number');
    expect(String(value)).toMatch(/^[1-9]\d{3}$/);
    expect(value).not.toBe(2006);
  });

  it('keeps flags of unknown columns', () => {
    const { envelope, unknownNames } = anonymizeEnvelope(withAttribute('opt_in', '1'), createPseudonymizer(SECRET));

    expect(envelope.Records[0]?.Attributes.at(-1)?.Value).toBe('1');
    expect(unknownNames.has('opt_in')).toBe(false);
  });

  it('replaces other values of unknown columns', () => {
    const { envelope, unknownNames } = anonymizeEnvelope(withAttribute('passport_no', 'X1234567'), createPseudonymizer(SECRET));

    expect(envelope.Records[0]?.Attributes.at(-1)?.Value).toMatch(/^[A-Z]\d{7}$/);
    expect(envelope.Records[0]?.Attributes.at(-1)?.Value).not.toBe('X1234567');
    expect(unknownNames.has('passport_no')).toBe(true);
  });
});

describe('anonymizeEnvelope with undeclared properties', () => {
  it('replaces values inside undeclared properties', () => {
    const body = { ...buildRealProfile(), Owner: { email: 'alice.walker@corp-mail.co.uk', active: true } };
    body.Records[0]?.Attributes.push({ Name: 'os', Value: 'iOS', ID: 1, Note: 'Alice Walker' } as never);

    const { envelope, unknownNames } = anonymizeEnvelope(body, createPseudonymizer(SECRET));
    const serialized = JSON.stringify(envelope);

    expect(serialized).not.toContain('alice.walker@corp-mail.co.uk');
    expect(serialized).not.toContain('Alice Walker');
    expect((envelope as unknown as { Owner: { active: boolean } }).Owner.active).toBe(true);
    expect([...unknownNames]).toEqual(expect.arrayContaining(['Owner', 'Columns[].Note']));
  });
});

describe('findLeakedValues', () => {
  it('finds a replaced value repeated in a kept column', () => {
    const body = withAttribute('channel_pref', 'alice.walker@corp-mail.co.uk');
    const { envelope, replacedValues } = anonymizeEnvelope(body, createPseudonymizer(SECRET));

    expect(findLeakedValues(JSON.stringify(envelope), replacedValues)).toEqual(['alice.walker@corp-mail.co.uk']);
  });

  it('skips values shorter than six characters', () => {
    expect(findLeakedValues('{"Value":"2006"}', ['2006'])).toEqual([]);
  });
});

describe('classifyColumn', () => {
  it.each([
    ['msisdn', 'personal'],
    ['customerid', 'personal'],
    ['customerId', 'personal'],
    ['ios_fcmpushid', 'personal'],
    ['twitter_handle', 'personal'],
    ['IP', 'personal'],
    ['os', 'kept'],
    ['last_opened', 'kept'],
    ['wa', 'kept'],
    ['loyalty_tier', 'unknown'],
  ])('classifies %s as %s', (name, kind) => {
    expect(classifyColumn(name)).toBe(kind);
  });
});

describe('createPseudonymizer', () => {
  it('gives distinct values distinct replacements', () => {
    const pseudonymizer = createPseudonymizer(SECRET);
    const reals = Array.from({ length: 500 }, (_, index) => String(100 + index));

    const synthetic = new Set(reals.map((value) => pseudonymizer.replace(value)));

    expect(synthetic.size).toBe(500);
    expect(pseudonymizer.distinctValues).toBe(500);
  });

  it('keeps a replacement once given', () => {
    const pseudonymizer = createPseudonymizer(SECRET);
    const first = pseudonymizer.replace('447911123456');

    Array.from({ length: 100 }, (_, index) => pseudonymizer.replace(String(index)));

    expect(pseudonymizer.replace('447911123456')).toBe(first);
  });
});
