import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createApp } from '../../../src/http/create-app';
import { listen, type RunningServer } from '../../../src/server/listen';
import type { ErrorStatusPolicy } from '../../../src/envelope/vendor-codes';
import { loadBundledSpec } from '../../helpers/mock-spec';
import { ACCEPTED_KEY, REJECTED_KEY } from '../support/contract-terms';
import { startPrism, type PrismProcess } from '../support/prism-process';

const APP_IDS = ['a_636035705699961900', 'BO20055029'];
const SEEDS = [1, 7, 42, 2024];
const USER_COUNT = 15;

/** One request that the spec declares valid, and the vendor code it must get. */
interface ProbeRequest {
  name: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  expectedCode: string;
}

interface ProbeResult {
  status: number;
  contentType: string;
  violations: string | undefined;
  code: unknown;
}

function profilePath(appId: string, query: string, version = 'v2'): string {
  return `/resources/${version}/customerappprofile/${appId}?${query}`;
}

/** Builds natural 1000 requests for many users, apps and seeds, half of the seeds sent as `Prefer`. */
function buildNaturalRequests(): ProbeRequest[] {
  const requests: ProbeRequest[] = [];
  for (const appId of APP_IDS) {
    for (const seed of SEEDS) {
      for (let user = 1; user <= USER_COUNT; user += 1) {
        const identifier = encodeURIComponent(`user-${user}@${seed}`);
        const viaQuery = user % 2 === 0;
        requests.push({
          name: `1000 for ${identifier} of ${appId} with seed ${seed}`,
          path: profilePath(appId, viaQuery ? `identifier=${identifier}&__seed=${seed}` : `identifier=${identifier}`),
          headers: viaQuery ? { key: ACCEPTED_KEY } : { key: ACCEPTED_KEY, prefer: `seed=${seed}` },
          expectedCode: '1000',
        });
      }
    }
  }
  return requests;
}

/** Builds a request for every named example of the spec through the `__example` query twin. */
async function buildExampleRequests(): Promise<ProbeRequest[]> {
  const spec = await loadBundledSpec();
  return [...spec.examples.entries()].flatMap(([name, example]) =>
    ['v1', 'v2'].map((version) => ({
      name: `example ${name} on ${version}`,
      path: profilePath(APP_IDS[0]!, `identifier=user-1&__example=${name}`, version),
      headers: { key: ACCEPTED_KEY },
      expectedCode: String((example.value as { code: string }).code),
    })),
  );
}

/** The code that the natural checks give to a request the spec still declares valid. */
const REJECTED_KEY_REQUEST: ProbeRequest = {
  name: 'natural 7001 for a rejected key',
  path: profilePath(APP_IDS[0]!, 'identifier=user-1'),
  headers: { key: REJECTED_KEY },
  expectedCode: '7001',
};

/**
 * A GET with a body, for which the mock returns 7000. The spec declares no
 * request body, and Prism rejects such a request itself.
 */
const BODY_REQUEST: ProbeRequest = {
  name: 'natural 7000 for a body that is not JSON',
  path: profilePath(APP_IDS[0]!, 'identifier=user-1'),
  headers: { key: ACCEPTED_KEY, 'content-type': 'text/plain' },
  body: '{"identifier": ',
  expectedCode: '7000',
};

/** Sends a request with node:http, because fetch refuses a GET with a body. */
function send(baseUrl: string, probe: ProbeRequest): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${probe.path}`, { method: 'GET', headers: probe.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          violations: res.headers['sl-violations'] as string | undefined,
          code: readCode(text),
        });
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${probe.name} timed out`)));
    req.on('error', reject);
    req.end(probe.body);
  });
}

function readCode(text: string): unknown {
  try {
    return (JSON.parse(text) as { code?: unknown }).code;
  } catch {
    return `not JSON: ${JSON.stringify(text.slice(0, 80))}`;
  }
}

/** Sends the probes a few at a time and returns the results in order. */
async function sendAll(baseUrl: string, probes: ProbeRequest[]): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (let start = 0; start < probes.length; start += 8) {
    const batch = probes.slice(start, start + 8);
    results.push(...(await Promise.all(batch.map((probe) => send(baseUrl, probe)))));
  }
  return results;
}

describe.each<ErrorStatusPolicy>(['200', '4xx'])('prism proxy --errors, error status %s', (policy) => {
  let mock: RunningServer;
  let prism: PrismProcess;

  beforeAll(async () => {
    const spec = await loadBundledSpec();
    mock = await listen(createApp({ spec, keys: [ACCEPTED_KEY], errorStatus: policy }), {
      host: '127.0.0.1',
      port: 0,
    });
    prism = await startPrism(['proxy', 'spec/openapi.yaml', mock.url, '--errors']);
  });

  afterAll(async () => {
    await prism.stop();
    await mock.close();
  });

  it('passes every valid request without violations', async () => {
    const probes = [
      ...buildNaturalRequests(),
      ...(await buildExampleRequests()),
      REJECTED_KEY_REQUEST,
    ];

    const results = await sendAll(prism.url, probes);
    const failures = results
      .map((result, index) => ({ name: probes[index]!.name, expected: probes[index]!.expectedCode, ...result }))
      .filter((result) => result.violations !== undefined || result.code !== result.expected);

    expect(probes.length).toBeGreaterThan(130);
    expect(failures).toEqual([]);
  });

  it('answers 7001 with the policy status', async () => {
    const [result] = await sendAll(prism.url, [REJECTED_KEY_REQUEST]);

    expect(result?.status).toBe(policy === '200' ? 200 : 401);
    expect(result?.contentType).toBe('application/json; charset=utf-8');
    expect(result?.code).toBe('7001');
  });

  it('answers a GET with a body itself', async () => {
    // Prism rejects the body before forwarding, so natural 7000 is shown
    // through the invalid-json example instead.
    const [result] = await sendAll(prism.url, [BODY_REQUEST]);

    expect(result?.status).toBe(400);
    expect(result?.code).toBe('not JSON: ""');
  });

  it('takes the __code twin as its own control', async () => {
    // Prism reads `__code` and `Prefer: code` as an HTTP status, so a vendor
    // code sent that way never reaches the mock through the proxy.
    const [result] = await sendAll(prism.url, [
      {
        name: 'forced 7001 through __code',
        path: profilePath(APP_IDS[0]!, 'identifier=user-1&__code=7001'),
        headers: { key: ACCEPTED_KEY },
        expectedCode: '7001',
      },
    ]);

    expect(result?.status).toBe(422);
    expect(result?.contentType).toContain('application/problem+json');
  });
});

describe('prism proxy --errors, drifted upstream', () => {
  let upstream: Server;
  let prism: PrismProcess;

  beforeAll(async () => {
    // Sends `code` as a number, which the spec declares a string.
    upstream = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"Status":0,"Description":"success","code":1000,"transid":"94982483-b421-4e8a-a30f-b4b3e9035bca","Records":[]}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    prism = await startPrism(['proxy', 'spec/openapi.yaml', `http://127.0.0.1:${port}`, '--errors']);
  });

  afterAll(async () => {
    await prism.stop();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('reports the violation', async () => {
    const [result] = await sendAll(prism.url, [REJECTED_KEY_REQUEST]);

    // A refused upstream also gives a 500 problem, but without this header.
    expect(result?.status).toBe(500);
    expect(result?.contentType).toContain('application/problem+json');
    expect(result?.violations).toContain('code');
  });
});
