import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import { MAX_DELAY_MS } from '../../src/scenarios/delay';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

function getProfile(app = createApp({ spec })) {
  return request(app)
    .get(PROFILE_PATH)
    .query({ identifier: 'u' })
    .set('key', 'k');
}

describe('delay and fault controls', () => {
  it('applies Prefer delay', async () => {
    const app = createApp({ spec });
    const res = await getProfile(app).set('Prefer', 'delay=5');
    const journal = await request(app).get('/__admin/requests');

    expect(res.body.code).toBe('1000');
    expect(journal.body.requests[0].outcome.delayMs).toBe(5);
  });

  it('applies the __delay query twin', async () => {
    const app = createApp({ spec });
    await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'u', __delay: '3' })
      .set('key', 'k');
    const journal = await request(app).get('/__admin/requests');

    expect(journal.body.requests[0].outcome.delayMs).toBe(3);
  });

  it('rejects a delay above the cap', async () => {
    const res = await getProfile().set('Prefer', `delay=${MAX_DELAY_MS + 1}`);
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(400);
    expect(problem.type).toBe('urn:imiconnect-mock:problem:invalid-control');
    expect(problem.maximum).toBe(MAX_DELAY_MS);
  });

  it('rejects a delay that is not a number', async () => {
    const res = await getProfile().set('Prefer', 'delay=soon');

    expect(res.status).toBe(400);
  });

  it('rejects an unknown fault with the allowed names', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'u', __fault: 'EXPLODE' })
      .set('key', 'k');
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(400);
    expect(problem.control).toBe('fault');
    expect(problem.allowed).toContain('EMPTY_RESPONSE');
    expect(problem.allowed).toContain('HANG');
  });

  it('applies the __fault query twin', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'u', __fault: 'GATEWAY_502' })
      .set('key', 'k');

    expect(res.status).toBe(502);
    expect(res.type).toBe('text/html');
  });
});

describe('Postman aliases', () => {
  it('reads x-mock-response-code as code', async () => {
    const res = await getProfile().set('x-mock-response-code', '7001');

    expect(res.body.code).toBe('7001');
  });

  it('reads x-mock-response-name as example', async () => {
    const res = await getProfile().set(
      'x-mock-response-name',
      'unlinked-device',
    );

    expect(res.body.Records[0].OutwardLinks).toEqual([]);
  });

  it('rejects an HTTP status in x-mock-response-code', async () => {
    const res = await getProfile().set('x-mock-response-code', '401');
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(400);
    expect(problem.detail).toContain(
      '401 is an HTTP status, not a vendor code',
    );
  });

  it('rejects a conflict with Prefer', async () => {
    const res = await getProfile()
      .set('x-mock-response-code', '7001')
      .set('Prefer', 'code=7003');

    expect(res.status).toBe(422);
    expect(JSON.parse(res.text).type).toBe(
      'urn:imiconnect-mock:problem:conflicting-controls',
    );
  });
});
