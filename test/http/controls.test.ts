import request from 'supertest';

import { get, type OutgoingHttpHeaders } from 'node:http';

import { createApp } from '../../src/http/create-app';
import { listen } from '../../src/server/listen';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

const PROBLEM_JSON = /^application\/problem\+json/;

/** Sends a GET with node:http, which keeps repeated headers as separate lines. */
function getJson(url: string, headers: OutgoingHttpHeaders): Promise<{ code?: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text) as { code?: string }));
    }).on('error', reject);
  });
}

describe('forced codes', () => {
  it.each(['1000', '7000', '7001', '7003'])(
    'returns %s for Prefer: code=%s',
    async (code) => {
      const res = await request(createApp({ spec }))
        .get(PROFILE_PATH)
        .query({ identifier: 'user-1' })
        .set('key', 'any')
        .set('Prefer', `code=${code}`);

      expect(res.status).toBe(200);
      expect(res.body.code).toBe(code);
    },
  );

  it.each(['1000', '7000', '7001', '7003'])('returns %s for __code=%s', async (code) => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', __code: code })
      .set('key', 'any');

    expect(res.body.code).toBe(code);
  });

  it('returns 1000 without a key when forced', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('Prefer', 'code=1000');

    expect(res.body.code).toBe('1000');
    expect(res.body.Records[0].Attributes).toContainEqual(
      expect.objectContaining({ Name: 'userId', Value: 'user-1' }),
    );
  });

  it('keeps the query twin out of parameter checks', async () => {
    const forced = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', __code: '1000' })
      .set('key', 'any');
    const natural = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(forced.body.Records).toEqual(natural.body.Records);
  });

  it('reads controls from repeated Prefer headers', async () => {
    const running = await listen(createApp({ spec }), { host: '127.0.0.1', port: 0 });
    try {
      const body = await getJson(`${running.url}${PROFILE_PATH}?identifier=user-1`, {
        key: 'any',
        prefer: ['seed=7', 'code=7003'],
      });

      expect(body.code).toBe('7003');
    } finally {
      await running.close();
    }
  });
});

describe('named examples', () => {
  it.each([
    ['linked-single-device', '1000'],
    ['unlinked-device', '1000'],
    ['several-devices', '1000'],
    ['no-app-profile', '1000'],
    ['invalid-json', '7000'],
    ['authentication-failed', '7001'],
    ['mandatory-parameters-missing', '7003'],
  ])('serves example %s with code %s', async (name, code) => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any')
      .set('Prefer', `example=${name}`);

    const example = spec.examples.get(name)?.value as { Records: unknown[] };
    expect(res.body.code).toBe(code);
    expect(res.body.Records).toEqual(example.Records);
  });

  it('gives an example a fresh transid', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', __example: 'linked-single-device' })
      .set('key', 'any');

    const example = spec.examples.get('linked-single-device')?.value as { transid: string };
    expect(res.body.transid).not.toBe(example.transid);
    expect(res.body.transid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an error example with its 4xx status', async () => {
    const res = await request(createApp({ spec, errorStatus: '4xx' }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', __example: 'authentication-failed' })
      .set('key', 'any');

    expect(res.status).toBe(401);
    expect(res.body.code).toBe('7001');
  });

  it('accepts a matching code and example', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('Prefer', 'code=7001, example=authentication-failed');

    expect(res.body.code).toBe('7001');
  });
});

describe('seed control', () => {
  it('changes the generated records', async () => {
    const app = createApp({ spec });

    const seeded = await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', __seed: '99' })
      .set('key', 'any');
    const plain = await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(seeded.body.Records).not.toEqual(plain.body.Records);
  });

  it('matches a server started with that seed', async () => {
    const viaControl = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('Prefer', 'seed=99')
      .set('key', 'any');
    const viaOption = await request(createApp({ spec, seed: 99 }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(viaControl.body.Records).toEqual(viaOption.body.Records);
  });
});

describe('bad controls', () => {
  async function sendControls(prefer: string | undefined, query: Record<string, string> = {}) {
    const req = request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', ...query })
      .set('key', 'any');
    return prefer === undefined ? req : req.set('Prefer', prefer);
  }

  it('rejects an unknown vendor code with the allowed values', async () => {
    const res = await sendControls('code=7002');

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:invalid-control');
    expect(res.body.allowed).toEqual(['1000', '7000', '7001', '7003']);
    expect(res.body.code).toBeUndefined();
  });

  it('rejects an HTTP status as a code', async () => {
    const res = await sendControls('code=401');

    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('401 is an HTTP status, not a vendor code');
  });

  it('rejects an unknown example with the allowed names', async () => {
    const res = await sendControls(undefined, { __example: 'missing' });

    expect(res.status).toBe(400);
    expect(res.body.allowed).toContain('authentication-failed');
    expect(res.body.allowed).toContain('linked-single-device');
  });

  it('lets standard RFC 7240 preferences through', async () => {
    const res = await sendControls('return=minimal; foo=bar, respond-async; wait=10, code=7001');

    expect(res.status).toBe(200);
    expect(res.body.code).toBe('7001');
  });

  it('rejects a long malformed Prefer item', async () => {
    const res = await sendControls(`a${' '.repeat(8000)}x`);

    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('Malformed Prefer header item');
  });

  it('rejects an unknown Prefer control', async () => {
    const res = await sendControls('mode=fast');

    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('Unknown mock control "mode"');
    expect(res.body.allowed).toEqual(['code', 'example', 'seed', 'delay', 'fault']);
  });

  it('rejects an unknown query control', async () => {
    const res = await sendControls(undefined, { __status: '500' });

    expect(res.status).toBe(400);
    expect(res.body.control).toBe('status');
  });

  it('rejects a control without a value', async () => {
    const res = await sendControls('code');

    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('has no value');
  });

  it('rejects a Prefer item with parameters', async () => {
    const res = await sendControls('code=7001; strict');

    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('has parameters after ";"');
  });

  it('rejects a seed that is not an integer', async () => {
    const res = await sendControls('seed=-1');

    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('integer from 0 to 4294967295');
  });

  it('rejects a code set twice to different values', async () => {
    const res = await sendControls('code=7001', { __code: '7003' });

    expect(res.status).toBe(422);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:conflicting-controls');
  });

  it('accepts a code set twice to the same value', async () => {
    const res = await sendControls('code=7001', { __code: '7001' });

    expect(res.body.code).toBe('7001');
  });

  it('rejects an example that contradicts the code', async () => {
    const res = await sendControls('code=1000, example=authentication-failed');

    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('carries code 7001');
  });

  it('rejects repeated query twins with different values', async () => {
    const res = await request(createApp({ spec }))
      .get(`${PROFILE_PATH}?identifier=user-1&__code=7001&__code=7003`)
      .set('key', 'any');

    expect(res.status).toBe(422);
  });
});
