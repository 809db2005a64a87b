import { Writable } from 'node:stream';

import { createLogger } from '../../src/http/request-log';
import { isLoopbackHost, warnIfNotLoopback } from '../../src/server/loopback';

function logWarningFor(host: string, adminWithoutToken = false): string {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  warnIfNotLoopback(createLogger('info', stream), host, { adminWithoutToken });
  return text;
}

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

describe('warnIfNotLoopback', () => {
  it('warns for an address other machines can reach', () => {
    const line = JSON.parse(logWarningFor('0.0.0.0')) as { level: number; host: string };

    expect(line.level).toBe(40);
    expect(line.host).toBe('0.0.0.0');
  });

  it('stays silent for loopback', () => {
    expect(logWarningFor('127.0.0.1', true)).toBe('');
  });

  it('warns again for an admin API without token', () => {
    const lines = logWarningFor('0.0.0.0', true).trim().split('\n');

    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('admin API is open to other machines without a token');
  });

  it('warns once when the admin API has a token', () => {
    expect(logWarningFor('0.0.0.0').trim().split('\n')).toHaveLength(1);
  });
});
