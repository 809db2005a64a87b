import fc from 'fast-check';

import {
  createJournal,
  limitText,
  MAX_ENTRY_TEXT_CHARS,
  withoutCredentials,
  type JournalEntry,
} from '../../src/journal/journal';

function entryFor(identifier: string, appId = 'a_1'): Omit<JournalEntry, 'id'> {
  return {
    time: '2026-01-01T00:00:00.000Z',
    method: 'GET',
    path: `/resources/v2/customerappprofile/${appId}`,
    query: { identifier },
    appId,
    identifier,
    headers: {},
    keySent: true,
    outcome: {
      source: 'natural',
      reason: 'checks passed',
      code: '1000',
      example: undefined,
      status: 200,
      delayMs: 0,
      fault: undefined,
    },
  };
}

describe('createJournal', () => {
  it('keeps the newest entries in order (seed 7)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.string(), { maxLength: 60 }),
        (capacity, identifiers) => {
          const journal = createJournal(capacity);
          for (const identifier of identifiers)
            journal.add(entryFor(identifier));

          const kept = journal.list().map((entry) => entry.identifier);
          expect(kept).toEqual(identifiers.slice(-capacity));
          expect(journal.size).toBe(Math.min(capacity, identifiers.length));
        },
      ),
      { seed: 7 },
    );
  });

  it('numbers entries from 1', () => {
    const journal = createJournal(2);
    for (const identifier of ['u1', 'u2', 'u3'])
      journal.add(entryFor(identifier));

    expect(journal.list().map((entry) => entry.id)).toEqual([2, 3]);
  });

  it('filters and limits', () => {
    const journal = createJournal(10);
    journal.add(entryFor('u1', 'a_1'));
    journal.add(entryFor('u2', 'a_2'));
    journal.add(entryFor('u1', 'a_2'));

    expect(journal.list({ identifier: 'u1' })).toHaveLength(2);
    expect(journal.list({ appId: 'a_2', identifier: 'u1' })).toHaveLength(1);
    expect(journal.list({ limit: 1 })[0]?.identifier).toBe('u1');
  });

  it('starts empty after clear', () => {
    const journal = createJournal(3);
    journal.add(entryFor('u1'));

    journal.clear();
    journal.add(entryFor('u2'));

    expect(journal.list().map((entry) => entry.identifier)).toEqual(['u2']);
  });
});

describe('withoutCredentials', () => {
  it('drops credential headers', () => {
    const kept = withoutCredentials({
      key: 'k',
      secretkey: 's',
      authorization: 'Bearer t',
      cookie: 'c',
      'x-admin-token': 't',
      'x-tenant': 'acme',
    });

    expect(kept).toEqual({ 'x-tenant': 'acme' });
  });
});

describe('limitText', () => {
  it('keeps a small record whole', () => {
    expect(limitText({ a: '1', b: ['2', '3'] })).toEqual({ a: '1', b: ['2', '3'] });
  });

  it('cuts values past the entry budget', () => {
    const limited = limitText({ pad: 'x'.repeat(MAX_ENTRY_TEXT_CHARS * 2), later: 'y' });

    expect(String(limited.pad)).toHaveLength(MAX_ENTRY_TEXT_CHARS - 'pad'.length + '...[cut]'.length);
    expect(String(limited.pad).endsWith('...[cut]')).toBe(true);
    expect(limited.later).toBeUndefined();
  });

  it('drops credentials before cutting', () => {
    const kept = withoutCredentials({ 'x-api-key': 'secret', 'proxy-authorization': 'secret', accept: '*/*' });

    expect(kept).toEqual({ accept: '*/*' });
  });
});
