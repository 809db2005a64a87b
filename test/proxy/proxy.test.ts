import { gzipSync } from 'node:zlib';
import request from 'supertest';

import { startProxy } from '../../src/proxy/start-proxy';
import { DRIFT_HEADER } from '../../src/proxy/drift-header';
import type { RunningServer } from '../../src/server/listen';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { captureLogs, type CapturedLogs } from '../helpers/capture-logs';
import {
  findClosedPortUrl,
  replyJson,
  startFakeUpstream,
  type FakeReply,
  type FakeUpstream,
  type ReceivedRequest,
} from '../helpers/fake-upstream';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';
import { buildRealProfile, SECRET_KEY } from '../helpers/real-looking-profile';

let spec: CompiledSpec;
let upstream: FakeUpstream;
let proxy: RunningServer | undefined;
let logs: CapturedLogs;

/** Builds a 1000 body whose code is a number and whose first link misspells ProfileID. */
function buildDriftingBody(): unknown {
  const body = buildRealProfile() as unknown as Record<string, unknown>;
  const records = body.Records as Array<{ OutwardLinks: Array<Record<string, unknown>> }>;
  const link = records[0]?.OutwardLinks[0] ?? {};
  link.ProfileId = link.ProfileID;
  delete link.ProfileID;
  return { ...body, code: 1000 };
}

function replyByIdentifier(received: ReceivedRequest): FakeReply {
  const identifier = new URL(received.url, 'http://upstream').searchParams.get('identifier');
  switch (identifier) {
    case 'drifting':
      return replyJson(buildDriftingBody());
    case 'text':
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'maintenance' };
    case 'gzip':
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify(buildRealProfile())) as unknown as string,
      };
    case 'extended':
      return replyJson({ ...buildRealProfile(), Paging: { next: null } });
    case 'zstd':
      return { status: 200, headers: { 'content-type': 'application/json', 'content-encoding': 'zstd' }, body: '{}' };
    case 'truncated':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"msisdn":"447911123456"' };
    case 'error':
      return { status: 500, headers: { 'content-type': 'application/json' }, body: '{"message":"boom"}' };
    case 'slow':
      return 'hang';
    default:
      return replyJson(buildRealProfile());
  }
}

async function startTestProxy(upstreamUrl = upstream.url): Promise<RunningServer> {
  proxy = await startProxy({
    spec,
    upstream: new URL(upstreamUrl),
    upstreamTimeoutMs: 500,
    host: '127.0.0.1',
    port: 0,
    logger: logs.logger,
  });
  return proxy;
}

beforeAll(async () => {
  spec = await loadBundledSpec();
  upstream = await startFakeUpstream(replyByIdentifier);
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(() => {
  logs = captureLogs();
  upstream.requests.length = 0;
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

describe('proxy', () => {
  it('reports no drift for a conforming response', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'u1' }).set('key', SECRET_KEY);

    expect(res.status).toBe(200);
    expect(res.headers[DRIFT_HEADER]).toBe('none');
    expect(logs.text()).not.toContain('drifts');
  });

  it('reports drift in a header', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'drifting' }).set('key', SECRET_KEY);

    expect(res.headers[DRIFT_HEADER]).toMatch(/^3 violations; /);
    expect(res.headers[DRIFT_HEADER]).toContain('/code must be string');
  });

  it('logs every violation of a drifting response', async () => {
    const running = await startTestProxy();

    await request(running.url).get(PROFILE_PATH).query({ identifier: 'drifting' }).set('key', SECRET_KEY);
    const line = JSON.parse(logs.lines.find((entry) => entry.includes('drifts')) ?? '{}');

    expect(line.level).toBe(40);
    expect(line.operationId).toBe('getAppProfile');
    expect(line.violations).toEqual([
      '/code must be string',
      '/code must be equal to one of the allowed values',
      "/Records/0/OutwardLinks/0 must have required property 'ProfileID'",
    ]);
  });

  it('passes a drifting body through unchanged', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'drifting' }).set('key', SECRET_KEY);

    expect(res.text).toBe(JSON.stringify(buildDriftingBody()));
  });

  it('counts repeated drift in one line', async () => {
    const running = await startTestProxy();

    await request(running.url).get(PROFILE_PATH).query({ identifier: 'drifting' }).set('key', SECRET_KEY);
    await request(running.url).get(PROFILE_PATH).query({ identifier: 'drifting' }).set('key', SECRET_KEY);
    const repeat = JSON.parse(logs.lines.find((entry) => entry.includes('drifts from the spec again')) ?? '{}');

    expect(repeat.seen).toBe(2);
    expect(repeat.firstViolation).toBe('/code must be string');
    expect(repeat.violations).toBeUndefined();
  });

  it('never logs the key', async () => {
    logs = captureLogs('debug');
    const running = await startTestProxy();

    await request(running.url).get(PROFILE_PATH).query({ identifier: 'drifting' }).set('key', SECRET_KEY);

    expect(logs.text()).toContain('drifts');
    expect(logs.text()).not.toContain(SECRET_KEY);
  });

  it('forwards method, path, query, headers and body', async () => {
    const running = await startTestProxy();

    await request(running.url)
      .post(`${PROFILE_PATH}?identifier=u1&x=1`)
      .set('key', SECRET_KEY)
      .set('x-trace', 'abc')
      .set('content-type', 'application/json')
      .send('{"a":1}');
    const received = upstream.requests[0];

    expect(received?.method).toBe('POST');
    expect(received?.url).toBe(`${PROFILE_PATH}?identifier=u1&x=1`);
    expect(received?.headers.key).toBe(SECRET_KEY);
    expect(received?.headers['x-trace']).toBe('abc');
    expect(received?.body).toBe('{"a":1}');
  });

  it('appends the path to the upstream path prefix', async () => {
    const running = await startTestProxy(`${upstream.url}/gateway/`);

    await request(running.url).get(PROFILE_PATH).query({ identifier: 'u1' }).set('key', SECRET_KEY);

    expect(upstream.requests[0]?.url).toBe(`/gateway${PROFILE_PATH}?identifier=u1`);
  });

  it('reports a body that is not JSON', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'text' }).set('key', SECRET_KEY);

    expect(res.text).toBe('maintenance');
    expect(res.headers[DRIFT_HEADER]).toBe('1 violation; (root) the content type is text/plain, not JSON');
  });

  it('reports invalid JSON without quoting it', async () => {
    const running = await startTestProxy();

    // fetch, because supertest would fail parsing the JSON body itself.
    const res = await fetch(`${running.url}${PROFILE_PATH}?identifier=truncated`, { headers: { key: SECRET_KEY } });

    expect(await res.text()).toBe('{"msisdn":"447911123456"');
    expect(res.headers.get(DRIFT_HEADER)).toBe('1 violation; (root) the body of 24 bytes is not valid JSON');
    expect(logs.text()).not.toContain('447911123456');
  });

  it('reports an undeclared property', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'extended' }).set('key', SECRET_KEY);

    expect(res.headers[DRIFT_HEADER]).toBe('1 violation; (root) has undeclared property "Paging"');
  });

  it('reports an unsupported content encoding', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'zstd' }).set('key', SECRET_KEY);

    expect(res.headers[DRIFT_HEADER]).toBe(
      '1 violation; (root) the zstd content encoding is not supported or the body does not decode with it',
    );
  });

  it('reports an undeclared status', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'error' }).set('key', SECRET_KEY);

    expect(res.status).toBe(500);
    expect(res.headers[DRIFT_HEADER]).toBe('1 violation; (root) HTTP 500 is not a declared response');
  });

  it('validates a gzip body and passes it through', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'gzip' }).set('key', SECRET_KEY);

    expect(res.headers[DRIFT_HEADER]).toBe('none');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body).toEqual(buildRealProfile());
  });

  it('marks paths outside the spec as unchecked', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get('/resources/v2/customerprofile/42').set('key', SECRET_KEY);

    expect(res.status).toBe(200);
    expect(res.headers[DRIFT_HEADER]).toBe('unchecked: no operation of the spec matches');
    expect(upstream.requests[0]?.url).toBe('/resources/v2/customerprofile/42');
  });

  it('passes HEAD through unchecked', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).head(PROFILE_PATH).query({ identifier: 'u1' }).set('key', SECRET_KEY);

    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(JSON.stringify(buildRealProfile()).length));
    expect(res.headers[DRIFT_HEADER]).toBe('unchecked: no operation of the spec matches');
    expect(upstream.requests[0]?.method).toBe('HEAD');
  });

  it('answers 502 when TLS fails', async () => {
    const running = await startTestProxy(upstream.url.replace('http:', 'https:'));

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'u1' }).set('key', SECRET_KEY);

    expect(res.status).toBe(502);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:upstream-unavailable');
  });

  it('answers 502 when the upstream refuses connections', async () => {
    const running = await startTestProxy(await findClosedPortUrl());

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'u1' }).set('key', SECRET_KEY);

    expect(res.status).toBe(502);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:upstream-unavailable');
    expect(logs.text()).toContain('ECONNREFUSED');
  });

  it('answers 504 when the upstream times out', async () => {
    const running = await startTestProxy();

    const res = await request(running.url).get(PROFILE_PATH).query({ identifier: 'slow' }).set('key', SECRET_KEY);

    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:upstream-timeout');
  });
});
