import { LruCache } from '../../src/profiles/lru-cache';

const byLength = (key: string, value: string) => key.length + value.length;

describe('LruCache', () => {
  it('evicts the least recently used entry past the entry bound', () => {
    const cache = new LruCache<string>(2, 1_000, byLength);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.get('a');
    cache.set('c', '3');

    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.get('c')).toBe('3');
  });

  it('evicts entries past the weight bound', () => {
    const cache = new LruCache<string>(100, 10, byLength);
    cache.set('a', '1234');
    cache.set('b', '1234');
    cache.set('c', '1234');

    expect(cache.size).toBe(2);
    expect(cache.weight).toBe(10);
    expect(cache.get('a')).toBeUndefined();
  });

  it('skips a value heavier than the whole budget', () => {
    const cache = new LruCache<string>(100, 10, byLength);
    cache.set('a', 'x'.repeat(20));

    expect(cache.size).toBe(0);
    expect(cache.weight).toBe(0);
  });

  it('replaces a key without counting it twice', () => {
    const cache = new LruCache<string>(100, 100, byLength);
    cache.set('a', '12');
    cache.set('a', '1234');

    expect(cache.size).toBe(1);
    expect(cache.weight).toBe(5);
  });
});
