import { APP_ATTRIBUTE_NAMES } from '../../src/profiles/app-catalog';
import { generateRecords } from '../../src/profiles/generate-records';
import type { AppProfileRecord } from '../../src/envelope/envelope';

const APP_ID = 'a_636035705699961900';

function attribute(record: AppProfileRecord, name: string) {
  return record.Attributes.find((column) => column.Name === name)?.Value;
}

function usersOf(count: number, seed = 1, appId = APP_ID) {
  return Array.from({ length: count }, (_, index) =>
    generateRecords(seed, appId, `user-${index}`),
  );
}

describe('generateRecords', () => {
  it('returns the same records for the same inputs', () => {
    expect(generateRecords(1, APP_ID, 'user-1')).toEqual(generateRecords(1, APP_ID, 'user-1'));
  });

  it('returns other records for another user', () => {
    expect(generateRecords(1, APP_ID, 'user-2')).not.toEqual(generateRecords(1, APP_ID, 'user-1'));
  });

  it('returns other records for another seed', () => {
    expect(generateRecords(2, APP_ID, 'user-1')).not.toEqual(generateRecords(1, APP_ID, 'user-1'));
  });

  it('keeps fixed output for seed 1 and user-1', () => {
    const [first] = generateRecords(1, APP_ID, 'user-1');

    // Pins the generator: a change here changes every user's data.
    expect(attribute(first!, 'deviceId')).toBe('0fdb3a15fc8bb7e9');
    expect(attribute(first!, 'os')).toBe('Android');
    expect(attribute(first!, 'userId')).toBe('user-1');
  });

  it('returns 1 to 4 records, most users with one', () => {
    const counts = usersOf(400).map((records) => records.length);

    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(4);
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(160);
  });

  it('links most users and leaves some unlinked', () => {
    const linked = usersOf(400).filter((records) => records[0]!.OutwardLinks.length > 0);

    expect(linked.length).toBeGreaterThan(260);
    expect(linked.length).toBeLessThan(380);
  });

  it('sends the vendor attribute set in order', () => {
    for (const records of usersOf(20)) {
      for (const record of records) {
        expect(record.Attributes.map((column) => column.Name)).toEqual([...APP_ATTRIBUTE_NAMES]);
      }
    }
  });

  it('keeps column ids stable within an app', () => {
    const idsOf = (records: AppProfileRecord[]) =>
      records.flatMap((record) => record.Attributes.map((column) => `${column.Name}=${column.ID}`));
    const [first, ...others] = usersOf(30).map((records) => idsOf(records.slice(0, 1)));

    for (const ids of others) expect(ids).toEqual(first);
  });

  it('gives another app other column ids', () => {
    const [one] = generateRecords(1, APP_ID, 'user-1');
    const [other] = generateRecords(1, 'BO20055029', 'user-1');

    expect(one!.Attributes[0]!.ID).not.toBe(other!.Attributes[0]!.ID);
  });

  it('links to one profile store per app', () => {
    const stores = new Set(
      usersOf(50)
        .flatMap((records) => records.flatMap((record) => record.OutwardLinks))
        .map((link) => `${link.ProfileID}/${link.ProfileName}`),
    );

    expect(stores.size).toBe(1);
    expect([...stores][0]).toMatch(/^\d+\/[a-z0-9]+_cpms_1$/);
  });

  it('copies the customer id into linked devices', () => {
    for (const records of usersOf(50)) {
      for (const record of records) {
        const link = record.OutwardLinks[0];
        const customerId = attribute(record, 'customerId');
        if (!link) {
          expect(customerId).toBe('');
          continue;
        }
        const row = link.Records[0]!;
        const linkedId = row.find((column) => /^customerid$/i.test(column.Name))?.Value;
        expect(customerId).toBe(linkedId);
      }
    }
  });

  it('formats values as the vendor does', () => {
    for (const records of usersOf(100)) {
      for (const record of records) {
        expect(attribute(record, 'createdOn')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        expect(attribute(record, 'last_opened')).toMatch(
          /^(|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4})$/,
        );
        expect(attribute(record, 'deviceId')).toMatch(/^([0-9a-f]{16}|[0-9A-F-]{36})$/);
        expect(attribute(record, 'os')).toMatch(/^(Android|iOS)$/);
        expect(['', 'true', 'false']).toContain(attribute(record, 'foreground'));
      }
    }
  });

  it('writes msisdn as digits with a country code', () => {
    const rows = usersOf(50).flatMap((records) =>
      records.flatMap((record) => record.OutwardLinks.flatMap((link) => link.Records)),
    );
    const msisdns = rows.map((row) => row.find((column) => column.Name === 'msisdn')?.Value);

    expect(msisdns.length).toBeGreaterThan(0);
    for (const msisdn of msisdns) expect(msisdn).toMatch(/^\d{11,13}$/);
  });

  it('uses only reserved example domains for email', () => {
    const emails = usersOf(50)
      .flatMap((records) => records.flatMap((record) => record.OutwardLinks))
      .flatMap((link) => link.Records[0]!)
      .filter((column) => column.Name === 'email')
      .map((column) => String(column.Value));

    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(email).toMatch(/@example\.(com|net|org)$/);
  });

  it('sends numeric flags for some apps', () => {
    const apps = Array.from({ length: 60 }, (_, index) => `a_${index}`);
    const numeric = apps.filter((appId) => {
      const [record] = generateRecords(1, appId, 'user-1');
      return typeof attribute(record!, 'status') === 'number';
    });

    expect(numeric.length).toBeGreaterThan(0);
    expect(numeric.length).toBeLessThan(apps.length / 2);
  });
});
