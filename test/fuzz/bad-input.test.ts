import fc from 'fast-check';

import { createApp } from '../../src/http/create-app';
import { listen, type RunningServer } from '../../src/server/listen';
import { APP_ID, loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';
import { rawGet, sendRaw } from '../helpers/raw-http';
import { findContractBreach } from './expect-documented';

// A failure prints this seed; run again with FUZZ_SEED=<seed> to replay it.
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const MAX_HEADER_BYTES = 4096;
const MAX_BODY_BYTES = 1024;

let server: RunningServer;

beforeAll(async () => {
  const app = createApp({ spec: await loadBundledSpec(), maxBodyBytes: MAX_BODY_BYTES });
  server = await listen(app, { host: '127.0.0.1', port: 0, maxHeaderBytes: MAX_HEADER_BYTES });
});

afterAll(() => server.close());

/** Drops the characters that end a request line or a header line. */
const lineSafe = (text: string) => text.replace(/[\r\n]/g, '');

const trickyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%C0%AF', '%FF%FE', '+', '=', '&&'),
  fc.string({ minLength: 500, maxLength: 2_000 }),
);

const queryKey = fc.oneof(
  fc.constantFrom('identifier', 'identifier[x]', 'identifier[]', '__proto__', '__proto__[code]', 'constructor', '__code', '__seed', '__example', 'key', 'hasOwnProperty'),
  fc.string({ maxLength: 12 }),
);

const queryPart = fc
  .tuple(queryKey, trickyValue, fc.boolean())
  .map(([key, value, encode]) =>
    encode ? `${encodeURIComponent(key)}=${encodeURIComponent(value)}` : lineSafe(`${key}=${value}`).replace(/[ #]/g, ''),
  );

const target = fc
  .tuple(
    fc.oneof(fc.constant(PROFILE_PATH), fc.webPath(), fc.string({ maxLength: 40 }).map((tail) => `${PROFILE_PATH}${lineSafe(tail).replace(/ /g, '')}`)),
    fc.array(queryPart, { maxLength: 6 }),
  )
  .map(([path, parts]) => (parts.length > 0 ? `${path}?${parts.join('&')}` : path));

const headerLines = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom('key', 'KEY', 'Key', 'kEy'), fc.string({ maxLength: 40 })).map(([name, value]) => `${name}: ${lineSafe(value)}`),
    fc.string({ maxLength: 60 }).map((value) => `Prefer: ${lineSafe(value)}`),
    fc.constantFrom('Prefer: code=7001', 'Prefer: code=1000, seed=3', 'Prefer: example=nope', 'Prefer: fault=x'),
    fc.integer({ min: 3_000, max: 6_000 }).map((size) => `X-Large: ${'a'.repeat(size)}`),
    fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 })).map(([name, value]) => `${lineSafe(name)}: ${lineSafe(value)}`),
  ),
  { maxLength: 5 },
);

const body = fc.option(
  fc.tuple(
    fc.oneof(fc.string(), fc.json(), fc.constantFrom('{', '{"a":', 'null', '[]'), fc.string({ minLength: 1_100, maxLength: 3_000 })),
    fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', undefined),
  ),
);

function buildRequest(path: string, lines: string[], payload: [string, string | undefined] | null): Buffer {
  if (payload === null) return Buffer.from(rawGet(path, lines));
  const [text, contentType] = payload;
  const bytes = Buffer.from(text);
  const extra = [`Content-Length: ${bytes.length}`, ...(contentType ? [`Content-Type: ${contentType}`] : [])];
  return Buffer.concat([Buffer.from(rawGet(path, [...lines, ...extra])), bytes]);
}

describe('bad input', () => {
  it(`answers every request with a documented body (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(target, headerLines, body, async (path, lines, payload) => {
        const response = await sendRaw(server.port, buildRequest(path, lines, payload));
        const breach = findContractBreach({ status: response.status, contentType: response.headers['content-type'], body: response.body });
        expect(breach).toBeUndefined();
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it(`returns the same records for the same request (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 64 }), fc.nat(), async (identifier, seed) => {
        const path = `${PROFILE_PATH}?identifier=${encodeURIComponent(identifier)}&__seed=${seed}`;
        const first = await sendRaw(server.port, rawGet(path, ['key: k']));
        const second = await sendRaw(server.port, rawGet(path, ['key: k']));
        const [a, b] = [first, second].map((response) => JSON.parse(response.body) as { Records: unknown; transid: string });

        expect(b?.Records).toEqual(a?.Records);
        expect(b?.transid).not.toBe(a?.transid);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('answers 431 problem+json to oversized headers', async () => {
    const response = await sendRaw(server.port, rawGet(PROFILE_PATH, [`X-Large: ${'a'.repeat(MAX_HEADER_BYTES)}`]));

    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ type: 'urn:imiconnect-mock:problem:header-too-large' });
  });

  it('answers 400 problem+json to a malformed request line', async () => {
    const response = await sendRaw(server.port, 'GET /a b c\r\n\r\n');

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ type: 'urn:imiconnect-mock:problem:invalid-request' });
  });

  it('answers 400 problem+json to a header line with a space before the colon', async () => {
    const response = await sendRaw(server.port, rawGet(`${PROFILE_PATH}?identifier=u`, ['key : k']));

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('answers a request without Host with JSON', async () => {
    const response = await sendRaw(
      server.port,
      `GET ${PROFILE_PATH}?identifier=u HTTP/1.1\r\nkey: k\r\nConnection: close\r\n\r\n`,
    );

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).code).toBe('1000');
  });

  it('treats __proto__ in the query as an ordinary key', async () => {
    const response = await sendRaw(server.port, rawGet(`${PROFILE_PATH}?__proto__[identifier]=x&identifier=u`, ['key: k']));

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ type: 'urn:imiconnect-mock:problem:invalid-control' });
  });

  it('accepts repeated key headers under the any-key policy', async () => {
    const response = await sendRaw(server.port, rawGet(`/resources/v2/customerappprofile/${APP_ID}?identifier=u`, ['KEY: a', 'key: b']));

    expect(JSON.parse(response.body)).toMatchObject({ code: '1000' });
  });
});
