import { isLoopbackHost } from '../../src/server/loopback';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])(
    'returns true for %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['0.0.0.0', '::', '192.0.2.10', '10.0.0.1', 'example.test'])('returns false for %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
