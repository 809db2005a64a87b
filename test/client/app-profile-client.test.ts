import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  AppProfileApiError,
  AppProfileNetworkError,
  AppProfileResponseError,
  AppProfileTimeoutError,
  createAppProfileClient,
  readAttribute,
  readLinkedCustomers,
  regionBaseUrl,
  REGION_HOSTS,
} from '../../src/client';
import { createApp } from '../../src/http/create-app';
import { listen, type RunningServer } from '../../src/server/listen';
import type { ErrorStatusPolicy } from '../../src/envelope/vendor-codes';
import { APP_ID, loadBundledSpec } from '../helpers/mock-spec';

const running: RunningServer[] = [];
const rawServers: Server[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  await Promise.all(rawServers.splice(0).map(closeRawServer));
});

async function startMock(errorStatus: ErrorStatusPolicy = '200', keys?: string[]) {
  const spec = await loadBundledSpec();
  const server = await listen(createApp({ spec, errorStatus, keys }), { host: '127.0.0.1', port: 0 });
  running.push(server);
  return server.url;
}

function startRawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  rawServers.push(server);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function closeRawServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function catchError(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

describe('regions', () => {
  it('maps every new region to its webexconnect host', () => {
    for (const region of ['ca', 'eu', 'uk', 'us', 'us1', 'in', 'au'] as const) {
      expect(regionBaseUrl(region)).toBe(`https://api.${region}.webexconnect.io`);
    }
  });

  it('maps the legacy regions to the imiconnect hosts', () => {
    expect(regionBaseUrl('legacy-emea')).toBe('https://api.imiconnect.io');
    expect(regionBaseUrl('legacy-us-aws')).toBe('https://api-us.imiconnect.io');
    expect(regionBaseUrl('legacy-us')).toBe('https://api.imiconnect.us');
    expect(regionBaseUrl('legacy-eu')).toBe('https://api.imiconnect.eu');
    expect(regionBaseUrl('legacy-ca')).toBe('https://api.imiconnect.ca');
    expect(regionBaseUrl('legacy-in')).toBe('https://api.imiconnect.in');
    expect(regionBaseUrl('legacy-com')).toBe('https://api.imiconnect.com');
  });

  it('lists fourteen hosts', () => {
    expect(Object.keys(REGION_HOSTS)).toHaveLength(14);
  });

  it('rejects an unknown region', () => {
    expect(() => regionBaseUrl('mars' as never)).toThrow('Unknown region "mars"');
  });

  it('uses the region host without sending anything', () => {
    const fetchSpy = jest.fn();
    const client = createAppProfileClient({ region: 'uk', key: 'k', fetch: fetchSpy });

    expect(client.baseUrl).toBe('https://api.uk.webexconnect.io');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('rejects region and baseUrl together', () => {
    const options = { region: 'uk', baseUrl: 'http://127.0.0.1:1', key: 'k' } as never;

    expect(() => createAppProfileClient(options)).toThrow('not both');
  });
});

describe('client options', () => {
  it('rejects a key with a line break without quoting it', () => {
    const create = () => createAppProfileClient({ baseUrl: 'http://127.0.0.1:1', key: 'SECRET\nKEY' });

    expect(create).toThrow('Invalid key in createAppProfileClient options');
    expect(create).not.toThrow(/SECRET/);
  });

  it.each([0, -1, Number.NaN, Infinity, 3e9, 1.5])('rejects timeoutMs %p', (timeoutMs) => {
    expect(() => createAppProfileClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs })).toThrow(
      'Invalid timeoutMs',
    );
  });

  it.each(['http://127.0.0.1:4020?x=1', 'http://127.0.0.1:4020/#frag', 'http://user:pw@127.0.0.1:4020'])(
    'rejects the base URL %s',
    (baseUrl) => {
      expect(() => createAppProfileClient({ baseUrl })).toThrow('Invalid baseUrl');
    },
  );
});

describe('getAppProfile', () => {
  it('returns the records of a user', async () => {
    const baseUrl = await startMock();
    const client = createAppProfileClient({ baseUrl, key: 'any' });

    const profile = await client.getAppProfile(APP_ID, 'user-1');

    expect(profile.records.length).toBeGreaterThan(0);
    expect(profile.transid).toMatch(/^[0-9a-f-]{36}$/);
    expect(readAttribute(profile.records[0]!, 'userId')).toBe('user-1');
  });

  it('returns undefined for an absent attribute', async () => {
    const baseUrl = await startMock();
    const client = createAppProfileClient({ baseUrl, key: 'any' });

    const profile = await client.getAppProfile(APP_ID, 'user-1');

    expect(readAttribute(profile.records[0]!, 'no-such-attribute')).toBeUndefined();
  });

  it('reads the linked customer rows', () => {
    const record = {
      Attributes: [],
      InwardLinks: [],
      OutwardLinks: [
        { ProfileID: 1, ProfileName: 't_cpms_1', Records: [[{ Name: 'email', Value: 'a@example.com', ID: 2 }]] },
      ],
    };

    expect(readLinkedCustomers(record)).toEqual([[{ Name: 'email', Value: 'a@example.com', ID: 2 }]]);
  });

  it('sends the base URL path prefix', async () => {
    const paths: string[] = [];
    const baseUrl = await startRawServer((req, res) => {
      paths.push(req.url ?? '');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ Status: 0, Description: 'success', code: '1000', transid: 't', Records: [] }));
    });
    const client = createAppProfileClient({ baseUrl: `${baseUrl}/prefix/`, key: 'k' });

    await client.getAppProfile('a 1', 'user/1');

    expect(paths).toEqual(['/prefix/resources/v2/customerappprofile/a%201?identifier=user%2F1']);
  });
});

describe.each<ErrorStatusPolicy>(['200', '4xx'])('vendor errors under error status %s', (policy) => {
  it('throws 7001 for a missing key', async () => {
    const baseUrl = await startMock(policy);
    const client = createAppProfileClient({ baseUrl });

    const error = await catchError(client.getAppProfile(APP_ID, 'user-1'));

    expect(error).toBeInstanceOf(AppProfileApiError);
    expect((error as AppProfileApiError).code).toBe('7001');
    expect((error as AppProfileApiError).description).toBe('Authentication failed');
    expect((error as AppProfileApiError).httpStatus).toBe(policy === '200' ? 200 : 401);
    expect((error as AppProfileApiError).transid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('throws 7001 for a rejected key', async () => {
    const baseUrl = await startMock(policy, ['good-key']);
    const client = createAppProfileClient({ baseUrl, key: 'other-key' });

    const error = await catchError(client.getAppProfile(APP_ID, 'user-1'));

    expect((error as AppProfileApiError).code).toBe('7001');
  });

  it('throws 7003 for a missing identifier', async () => {
    const baseUrl = await startMock(policy);
    const client = createAppProfileClient({ baseUrl, key: 'any' });

    const error = await catchError(client.getAppProfile(APP_ID, ''));

    expect(error).toBeInstanceOf(AppProfileApiError);
    expect((error as AppProfileApiError).code).toBe('7003');
    expect((error as AppProfileApiError).httpStatus).toBe(policy === '200' ? 200 : 400);
  });
});

describe('transport errors', () => {
  it('throws a timeout error naming the URL', async () => {
    const baseUrl = await startRawServer(() => {
      // Never responds, so the client has to give up.
    });
    const client = createAppProfileClient({ baseUrl, key: 'secret-key', timeoutMs: 50 });

    const error = await catchError(client.getAppProfile(APP_ID, 'user-1'));

    expect(error).toBeInstanceOf(AppProfileTimeoutError);
    expect((error as AppProfileTimeoutError).url).toBe(
      `${baseUrl}/resources/v2/customerappprofile/${APP_ID}?identifier=user-1`,
    );
    expect(error.message).not.toContain('secret-key');
  });

  it('throws a network error for a refused connection', async () => {
    const baseUrl = await startRawServer(() => undefined);
    await closeRawServer(rawServers.pop()!);
    const client = createAppProfileClient({ baseUrl, key: 'secret-key' });

    const error = await catchError(client.getAppProfile(APP_ID, 'user-1'));

    expect(error).toBeInstanceOf(AppProfileNetworkError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain(baseUrl);
    expect(error.message).not.toContain('secret-key');
  });

  it('throws a response error for an HTML body', async () => {
    const baseUrl = await startRawServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const client = createAppProfileClient({ baseUrl, key: 'k' });

    const error = await catchError(client.getAppProfile(APP_ID, 'user-1'));

    expect(error).toBeInstanceOf(AppProfileResponseError);
    expect((error as AppProfileResponseError).httpStatus).toBe(502);
    expect((error as AppProfileResponseError).contentType).toBe('text/html');
    expect(error.message).toContain('not JSON');
  });

  it('throws a response error for JSON without code', async () => {
    const baseUrl = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"message":"hello"}');
    });
    const client = createAppProfileClient({ baseUrl, key: 'k' });

    const error = await catchError(client.getAppProfile(APP_ID, 'user-1'));

    expect(error).toBeInstanceOf(AppProfileResponseError);
    expect(error.message).toContain('no string code');
  });

  it('throws an API error for an unlisted code', async () => {
    const baseUrl = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"Status":1,"Description":"App profile not found","code":"7014","transid":"t-1","Records":[]}');
    });
    const client = createAppProfileClient({ baseUrl, key: 'k' });

    const error = await catchError(client.getAppProfile(APP_ID, 'user-1'));

    expect((error as AppProfileApiError).code).toBe('7014');
    expect((error as AppProfileApiError).transid).toBe('t-1');
  });
});

describe('regions against the spec', () => {
  it('lists the hosts of the spec servers', async () => {
    const spec = await loadBundledSpec();
    const specHosts = new Set<string>();
    for (const server of spec.document.servers ?? []) {
      const regions = server.variables?.region?.enum ?? [''];
      for (const region of regions) {
        specHosts.add(new URL(server.url.replace('{region}', String(region))).host);
      }
    }
    specHosts.delete('127.0.0.1:4020');

    expect(new Set(Object.values(REGION_HOSTS))).toEqual(specHosts);
  });
});
