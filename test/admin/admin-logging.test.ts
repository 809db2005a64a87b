import { Writable } from 'node:stream';
import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import { createLogger } from '../../src/http/request-log';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

function captureLogs(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('request log with the admin API', () => {
  it('redacts the admin token at debug level', async () => {
    const { lines, stream } = captureLogs();
    const app = createApp({
      spec: await loadBundledSpec(),
      admin: { token: 'admin-s3cret' },
      logger: createLogger('debug', stream),
    });

    await request(app)
      .get('/__admin/requests')
      .set('x-admin-token', 'admin-s3cret');
    await request(app)
      .get('/__admin/requests')
      .set('Authorization', 'Bearer admin-s3cret');

    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain('admin-s3cret');
  });

  it('logs one line for a faulted request', async () => {
    const { lines, stream } = captureLogs();
    const app = createApp({
      spec: await loadBundledSpec(),
      logger: createLogger('info', stream),
    });

    await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'u', __fault: 'GATEWAY_504' })
      .set('key', 'secret-key-value');

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      fault: 'GATEWAY_504',
      status: 504,
    });
    expect(lines[0]).not.toContain('secret-key-value');
  });
});
