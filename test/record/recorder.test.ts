import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import type { VendorEnvelope } from '../../src/envelope/envelope';
import { loadFixtures } from '../../src/fixtures/load-fixtures';
import { createApp } from '../../src/http/create-app';
import { FIXTURE_HEADER } from '../../src/record/create-recorder-app';
import { startRecorder, type RunningRecorder } from '../../src/record/start-recorder';
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
import { APP_ID, loadBundledSpec } from '../helpers/mock-spec';
import {
  buildRealProfile,
  PERSONAL_VALUES,
  REAL_CUSTOMER_ID,
  REAL_IDENTIFIER,
  SECRET_KEY,
  valueOf,
} from '../helpers/real-looking-profile';

const V2_PATH = `/resources/v2/customerappprofile/${APP_ID}`;
const V1_PATH = `/resources/v1/customerappprofile/${APP_ID}`;

let spec: CompiledSpec;
let upstream: FakeUpstream;
let recorder: RunningRecorder | undefined;
let outDir: string;
let logs: CapturedLogs;

/** Replies as the vendor would: 7001 without a key, else the profile. */
function replyLikeVendor(received: ReceivedRequest): FakeReply {
  if (received.url.includes('identifier=slow')) return 'hang';
  if (received.url.includes('identifier=html')) {
    return { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' };
  }
  if (received.url.includes('identifier=leaky')) {
    const body = buildRealProfile();
    body.Records[0]?.Attributes.push({ Name: 'channel_pref', Value: 'alice.walker@corp-mail.co.uk', ID: 121 });
    return replyJson(body);
  }
  if (!received.headers.key) {
    return replyJson({ Status: 1, Description: 'Authentication failed', code: '7001', transid: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924', Records: [] });
  }
  return replyJson(buildRealProfile());
}

async function startRecording(options: { keepIdentifiers?: boolean; key?: string; upstreamUrl?: string; upstreamTimeoutMs?: number } = {}) {
  recorder = await startRecorder({
    spec,
    upstream: new URL(options.upstreamUrl ?? upstream.url),
    outDir,
    host: '127.0.0.1',
    port: 0,
    logger: logs.logger,
    ...options,
  });
  return recorder;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function readFixture(relativePath: string): VendorEnvelope {
  return JSON.parse(readFileSync(join(outDir, relativePath), 'utf8')) as VendorEnvelope;
}

beforeAll(async () => {
  spec = await loadBundledSpec();
  upstream = await startFakeUpstream(replyLikeVendor);
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'imiconnect-record-'));
  logs = captureLogs();
  upstream.requests.length = 0;
});

afterEach(async () => {
  await recorder?.close();
  recorder = undefined;
  rmSync(outDir, { recursive: true, force: true });
});

describe('record', () => {
  it('passes the upstream body through unchanged', async () => {
    const running = await startRecording();

    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);

    expect(res.status).toBe(200);
    expect(res.body).toEqual(buildRealProfile());
  });

  it('stores a fixture under a synthetic identifier', async () => {
    const running = await startRecording();

    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);
    const fixture = res.headers[FIXTURE_HEADER] as string;

    expect(fixture).toMatch(new RegExp(`^${APP_ID}/[a-z]{5}\\.[a-z]{6}-\\d{4}\\.json$`));
    expect(fixture).not.toContain(encodeURIComponent(REAL_IDENTIFIER));
    expect(listFiles(outDir)).toEqual([join(outDir, fixture)]);
  });

  it('replays recorded fixtures with identical records', async () => {
    const running = await startRecording();
    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);
    const stored = readFixture(res.headers[FIXTURE_HEADER] as string);
    const syntheticIdentifier = valueOf(stored.Records[0]?.Attributes ?? [], 'userId');

    const app = createApp({ spec, fixtures: loadFixtures(outDir, spec.validateSuccessBody) });
    const replay = await request(app).get(V2_PATH).query({ identifier: String(syntheticIdentifier) }).set('key', 'any');

    expect(replay.body.code).toBe('1000');
    expect(replay.body.Records).toEqual(stored.Records);
    expect(replay.body.transid).not.toBe(stored.transid);
  });

  it('leaves no personal value or key in written files', async () => {
    const running = await startRecording({ key: SECRET_KEY });

    await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', 'client-key-9f8e7d');
    await request(running.url).get(V1_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', 'client-key-9f8e7d');
    const files = listFiles(outDir);

    expect(files).toHaveLength(1);
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      for (const value of [...PERSONAL_VALUES, SECRET_KEY, 'client-key-9f8e7d']) {
        expect({ file: file.slice(outDir.length), leaked: content.includes(value) ? value : null }).toEqual({
          file: file.slice(outDir.length),
          leaked: null,
        });
      }
      expect(file).not.toContain(REAL_IDENTIFIER);
    }
  });

  it('keeps non-personal values', async () => {
    const running = await startRecording();
    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);
    const stored = readFixture(res.headers[FIXTURE_HEADER] as string);
    const attributes = stored.Records[0]?.Attributes ?? [];
    const customer = stored.Records[0]?.OutwardLinks[0]?.Records[0] ?? [];

    expect(valueOf(attributes, 'os')).toBe('iOS');
    expect(valueOf(attributes, 'language')).toBe('en-GB');
    expect(valueOf(attributes, 'timezone')).toBe('Europe/London');
    expect(valueOf(attributes, 'verified')).toBe('1');
    expect(valueOf(attributes, 'status')).toBe(1);
    expect(valueOf(attributes, 'ios_fcmpushid')).toBe('');
    expect(valueOf(attributes, 'createdOn')).toBe('2021-03-04 10:11:12');
    expect(valueOf(customer, 'sms')).toBe('1');
    expect(valueOf(customer, 'country')).toBe('GB');
    expect(stored.Records[0]?.OutwardLinks[0]?.ProfileName).toBe('acme9939_cpms_1');
  });

  it('keeps the formats of personal values', async () => {
    const running = await startRecording();
    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);
    const stored = readFixture(res.headers[FIXTURE_HEADER] as string);
    const attributes = stored.Records[0]?.Attributes ?? [];
    const customer = stored.Records[0]?.OutwardLinks[0]?.Records[0] ?? [];

    expect(valueOf(customer, 'msisdn')).toMatch(/^\d{12}$/);
    expect(valueOf(customer, 'email')).toMatch(/^[a-z]{5}\.[a-z]{6}@example\.com$/);
    expect(valueOf(customer, 'name')).toMatch(/^[A-Z][a-z]{4} [A-Z][a-z]{5}$/);
    expect(valueOf(attributes, 'deviceId')).toMatch(/^[0-9a-f]{16}$/);
    expect(valueOf(attributes, 'rtmId')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-9[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(valueOf(attributes, 'IP')).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/);
    expect(valueOf(attributes, 'twitterid')).toMatch(/^\d{10}$/);
  });

  it('maps customerId consistently across links', async () => {
    const running = await startRecording();
    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);
    const [first, second] = readFixture(res.headers[FIXTURE_HEADER] as string).Records;
    const synthetic = valueOf(first?.Attributes ?? [], 'customerId');

    expect(synthetic).not.toBe(REAL_CUSTOMER_ID);
    expect(synthetic).toMatch(/^\d{8}$/);
    expect(valueOf(first?.OutwardLinks[0]?.Records[0] ?? [], 'customerid')).toBe(synthetic);
    expect(valueOf(second?.Attributes ?? [], 'customerId')).toBe(synthetic);
    expect(valueOf(second?.OutwardLinks[0]?.Records[0] ?? [], 'customerid')).toBe(synthetic);
  });

  it('names the fixture by the synthetic userId', async () => {
    const running = await startRecording();
    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);
    const [first, second] = readFixture(res.headers[FIXTURE_HEADER] as string).Records;
    const userId = String(valueOf(first?.Attributes ?? [], 'userId'));

    expect(res.headers[FIXTURE_HEADER]).toBe(`${APP_ID}/${encodeURIComponent(userId)}.json`);
    expect(valueOf(second?.Attributes ?? [], 'rtmId')).toBe(`${userId}_${String(valueOf(second?.Attributes ?? [], 'deviceId'))}`);
  });

  it('records the v1 path', async () => {
    const running = await startRecording();

    const res = await request(running.url).get(V1_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);

    expect(res.body.code).toBe('1000');
    expect(upstream.requests[0]?.url).toBe(`${V1_PATH}?identifier=${REAL_IDENTIFIER}`);
    expect(res.headers[FIXTURE_HEADER]).toMatch(new RegExp(`^${APP_ID}/`));
  });

  it('maps the same user alike on both paths', async () => {
    const running = await startRecording();

    const v2 = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);
    const v1 = await request(running.url).get(V1_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);

    expect(v1.headers[FIXTURE_HEADER]).toBe(v2.headers[FIXTURE_HEADER]);
    expect(running.summarize()).toEqual({
      fixturesStored: 2,
      responsesNotStored: 0,
      identifiersReplaced: 1,
      distinctValuesReplaced: expect.any(Number),
    });
  });

  it.each(['%2e%2e', '..', '%2E'])('sends nothing upstream for the segment %s', async (segment) => {
    const running = await startRecording();

    const res = await request(running.url)
      .get(`/resources/v2/customerappprofile/${segment}?identifier=${REAL_IDENTIFIER}`)
      .set('key', SECRET_KEY);

    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:invalid-request');
    expect(upstream.requests).toHaveLength(0);
  });

  it('passes 7001 through without storing it', async () => {
    const running = await startRecording();

    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER });

    expect(res.body.code).toBe('7001');
    expect(res.headers[FIXTURE_HEADER]).toBeUndefined();
    expect(listFiles(outDir)).toEqual([]);
    expect(logs.text()).toContain('not stored: the upstream returned code 7001');
  });

  it('refuses a body where a kept column repeats a personal value', async () => {
    const running = await startRecording();

    const res = await request(running.url).get(V2_PATH).query({ identifier: 'leaky' }).set('key', SECRET_KEY);

    expect(res.body.code).toBe('1000');
    expect(res.headers[FIXTURE_HEADER]).toBeUndefined();
    expect(listFiles(outDir)).toEqual([]);
    expect(logs.text()).toContain('1 replaced value(s) still occur in another column');
  });

  it('forwards the client key by default', async () => {
    const running = await startRecording();

    await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', 'client-key-1');

    expect(upstream.requests[0]?.headers.key).toBe('client-key-1');
  });

  it('sends the configured key instead of the client key', async () => {
    const running = await startRecording({ key: SECRET_KEY });

    await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', 'client-key-1');
    await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER });

    expect(upstream.requests[0]?.headers.key).toBe(SECRET_KEY);
    expect(upstream.requests[1]?.headers.key).toBe(SECRET_KEY);
  });

  it('keeps identifiers when asked to', async () => {
    const running = await startRecording({ keepIdentifiers: true });

    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);

    expect(res.headers[FIXTURE_HEADER]).toBe(`${APP_ID}/${encodeURIComponent(REAL_IDENTIFIER)}.json`);
  });

  it('logs no personal value or key', async () => {
    const running = await startRecording({ key: SECRET_KEY });

    await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', 'client-key-9f8e7d');
    await running.close();
    recorder = undefined;
    const text = logs.text();

    for (const value of [...PERSONAL_VALUES, SECRET_KEY, 'client-key-9f8e7d']) {
      expect({ leaked: text.includes(value) ? value : null }).toEqual({ leaked: null });
    }
    expect(text).toContain('"fixturesStored":1');
    expect(text).toContain('"identifiersReplaced":1');
  });

  it('logs unknown columns by name', async () => {
    const running = await startRecording();

    await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);

    expect(logs.text()).toContain('"columns":["loyalty_tier"]');
  });

  it('passes HEAD through without storing', async () => {
    const running = await startRecording();

    const res = await request(running.url).head(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);

    expect(res.status).toBe(200);
    expect(upstream.requests[0]?.method).toBe('HEAD');
    expect(listFiles(outDir)).toEqual([]);
  });

  it('answers 404 for other paths without forwarding', async () => {
    const running = await startRecording();

    const res = await request(running.url).get('/resources/v2/customerprofile/1').set('key', SECRET_KEY);

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 502 when the upstream refuses connections', async () => {
    const running = await startRecording({ upstreamUrl: await findClosedPortUrl() });

    const res = await request(running.url).get(V2_PATH).query({ identifier: REAL_IDENTIFIER }).set('key', SECRET_KEY);

    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:upstream-unavailable');
    expect(res.body.errorCode).toBe('ECONNREFUSED');
    expect(logs.text()).toContain('upstream request failed');
  });

  it('answers 504 when the upstream times out', async () => {
    const running = await startRecording({ upstreamTimeoutMs: 200 });

    const res = await request(running.url).get(V2_PATH).query({ identifier: 'slow' }).set('key', SECRET_KEY);

    expect(res.status).toBe(504);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:upstream-timeout');
    expect(res.body.detail).toContain('200 ms');
  });

  it('rejects an output path that is a file', async () => {
    const file = join(outDir, 'taken');
    writeFileSync(file, '');

    await expect(
      startRecorder({ spec, upstream: new URL(upstream.url), outDir: file, host: '127.0.0.1', port: 0 }),
    ).rejects.toThrow(`Failed to create the fixtures folder ${file} (EEXIST): pass a writable folder to --out.`);
  });

  it('answers 502 for a body that is not JSON', async () => {
    const running = await startRecording();

    const res = await request(running.url).get(V2_PATH).query({ identifier: 'html' }).set('key', SECRET_KEY);

    expect(res.status).toBe(502);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:upstream-invalid-response');
    expect(res.body.detail).toContain('text/html');
    expect(listFiles(outDir)).toEqual([]);
  });
});
