import { generateRecords } from './generate-records';
import { LruCache } from './lru-cache';

/** Users whose serialized records are kept, by default. */
export const DEFAULT_RECORD_CACHE_ENTRIES = 5_000;

/**
 * Characters of keys and serialized records kept, by default: 16 Mi
 * characters, about 16 MiB for the ASCII JSON that generation produces.
 * Users serialize to about 1,400 characters per device, so the entry
 * bound is usually reached first.
 */
export const DEFAULT_RECORD_CACHE_CHARS = 16 * 1024 * 1024;

/** Serialized `Records` arrays of generated users, bounded as an LRU. */
export interface RecordCache {
  /** Returns the JSON text of the records of one user, generating it on a miss. */
  getRecordsJson(seed: number, appId: string, identifier: string): string;
  readonly size: number;
}

/**
 * Creates a cache of generated records. Generation is a pure function of
 * (seed, appId, identifier), so a cached text is byte for byte what a new
 * generation would give. Only `transid` changes per call, and it lives in
 * the envelope, outside the cached text.
 *
 * @example
 * const cache = createRecordCache();
 * const json = cache.getRecordsJson(1, 'a_636035705699961900', 'user-1');
 */
export function createRecordCache(
  maxEntries = DEFAULT_RECORD_CACHE_ENTRIES,
  maxChars = DEFAULT_RECORD_CACHE_CHARS,
): RecordCache {
  const cache = new LruCache<string>(maxEntries, maxChars, (key, value) => key.length + value.length);

  return {
    getRecordsJson(seed, appId, identifier) {
      // The lengths make the key unambiguous whatever the parts contain.
      const key = `${seed}:${appId.length}:${appId}:${identifier}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;

      const json = JSON.stringify(generateRecords(seed, appId, identifier));
      cache.set(key, json);
      return json;
    },
    get size() {
      return cache.size;
    },
  };
}
