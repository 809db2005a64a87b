import { Writable } from 'node:stream';
import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import { createLogger } from '../../src/http/request-log';
import { APP_ID, loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

const SECRET = 'c0ffee00-5ec2-4e7b-9d1a-7e57da7a5ec2';

/** Collects everything a logger writes. */
function captureLogs(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const REQUESTS: Array<{ path: string; headers: Record<string, string> }> = [
  { path: `${PROFILE_PATH}?identifier=u`, headers: { key: SECRET } },
  { path: `${PROFILE_PATH}?identifier=u`, headers: { KEY: SECRET, secretKey: SECRET } },
  { path: `${PROFILE_PATH}`, headers: { key: SECRET } },
  { path: `${PROFILE_PATH}?identifier=u`, headers: { key: SECRET, Prefer: 'code=bogus' } },
  { path: `${PROFILE_PATH}?identifier=u&__code=7001`, headers: { key: SECRET } },
  { path: `/resources/v2/customerappprofile/${APP_ID}/x`, headers: { key: SECRET } },
  { path: `${PROFILE_PATH}?identifier=u`, headers: { key: SECRET, 'content-type': 'application/json' } },
  { path: `${PROFILE_PATH}?identifier=u`, headers: { key: 'k', 'x-api-key': SECRET, 'Proxy-Authorization': SECRET } },
];

describe('key redaction', () => {
  it.each(['debug', 'trace', 'info'])('keeps the key out of %s logs and bodies', async (level) => {
    const logs = captureLogs();
    const app = createApp({ spec: await loadBundledSpec(), keys: ['other'], logger: createLogger(level, logs.stream) });

    const bodies: string[] = [];
    for (const { path, headers } of REQUESTS) {
      const response = await request(app).get(path).set(headers).send('{"key":1');
      bodies.push(response.text);
    }
    await new Promise((resolve) => setImmediate(resolve));

    expect(logs.text()).not.toContain(SECRET);
    expect(bodies.join('\n')).not.toContain(SECRET);
  });

  it('logs headers at debug level with the key redacted', async () => {
    const logs = captureLogs();
    const app = createApp({ spec: await loadBundledSpec(), logger: createLogger('debug', logs.stream) });

    await request(app).get(`${PROFILE_PATH}?identifier=u`).set('key', SECRET);
    await new Promise((resolve) => setImmediate(resolve));

    expect(logs.text()).toContain('"key":"[redacted]"');
  });
});
