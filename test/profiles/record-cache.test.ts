import { generateRecords } from '../../src/profiles/generate-records';
import { createRecordCache } from '../../src/profiles/record-cache';

const APP = 'a_636035705699961900';

describe('record cache', () => {
  it('returns the JSON of freshly generated records', () => {
    const cache = createRecordCache();
    const json = cache.getRecordsJson(7, APP, 'user-1');

    expect(json).toBe(JSON.stringify(generateRecords(7, APP, 'user-1')));
  });

  it('returns the same text on a hit', () => {
    const cache = createRecordCache();
    const first = cache.getRecordsJson(7, APP, 'user-1');

    expect(cache.getRecordsJson(7, APP, 'user-1')).toBe(first);
    expect(cache.size).toBe(1);
  });

  it('keeps seeds, apps and users apart', () => {
    const cache = createRecordCache();
    const texts = new Set([
      cache.getRecordsJson(1, APP, 'user-1'),
      cache.getRecordsJson(2, APP, 'user-1'),
      cache.getRecordsJson(1, 'BO20055029', 'user-1'),
      cache.getRecordsJson(1, APP, 'user-2'),
    ]);

    expect(texts.size).toBe(4);
  });

  it('stays within its entry bound', () => {
    const cache = createRecordCache(3);
    for (let index = 0; index < 10; index += 1) cache.getRecordsJson(1, APP, `user-${index}`);

    expect(cache.size).toBe(3);
  });

  it('generates the same records after an eviction', () => {
    const cache = createRecordCache(1);
    const first = cache.getRecordsJson(1, APP, 'user-1');
    cache.getRecordsJson(1, APP, 'user-2');

    expect(cache.getRecordsJson(1, APP, 'user-1')).toBe(first);
  });
});
