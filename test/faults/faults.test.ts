import {
  startMockServer,
  type MockServer,
} from '../../src/server/start-mock-server';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';
import { getRaw, waitFor } from '../helpers/raw-request';

const PATH = `${PROFILE_PATH}?identifier=user-1`;
const KEY = { key: 'any-key' };

let mock: MockServer;

beforeEach(async () => {
  mock = await startMockServer({ spec: await loadBundledSpec() });
});

afterEach(async () => {
  await mock.close();
});

function withFault(fault: string, extra = ''): Record<string, string> {
  return { ...KEY, prefer: `fault=${fault}${extra}` };
}

describe('socket faults', () => {
  it('EMPTY_RESPONSE closes without bytes', async () => {
    const result = await getRaw(mock.url, PATH, withFault('EMPTY_RESPONSE'));

    expect(result.status).toBeUndefined();
    expect(result.body.length).toBe(0);
    expect(result.error?.code).toBe('ECONNRESET');
    expect(result.error?.message).toBe('socket hang up');
  });

  it('CONNECTION_RESET_BY_PEER resets the connection', async () => {
    const result = await getRaw(
      mock.url,
      PATH,
      withFault('CONNECTION_RESET_BY_PEER'),
    );

    expect(result.status).toBeUndefined();
    expect(result.error?.code).toBe('ECONNRESET');
    expect(result.error?.message).toBe('read ECONNRESET');
  });

  it('RANDOM_DATA_THEN_CLOSE sends bytes that are not HTTP', async () => {
    const result = await getRaw(
      mock.url,
      PATH,
      withFault('RANDOM_DATA_THEN_CLOSE'),
    );

    expect(result.status).toBeUndefined();
    expect(result.error?.code).toMatch(/^HPE_/);
  });

  it('MALFORMED_RESPONSE_CHUNK cuts the JSON body short', async () => {
    const result = await getRaw(
      mock.url,
      PATH,
      withFault('MALFORMED_RESPONSE_CHUNK'),
    );

    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(result.body.toString()).toMatch(/^\{"Status":0/);
    expect(() => JSON.parse(result.body.toString())).toThrow(SyntaxError);
    expect(result.error?.message).toBe('aborted');
  });

  it('fetch rejects a truncated body', async () => {
    const res = await fetch(`${mock.url}${PATH}`, {
      headers: withFault('MALFORMED_RESPONSE_CHUNK'),
    });

    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it('SLOW_BODY sends the body in parts', async () => {
    const result = await getRaw(
      mock.url,
      PATH,
      withFault('SLOW_BODY', ', delay=100'),
    );

    expect(result.error).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.chunks).toBeGreaterThan(1);
    expect(JSON.parse(result.body.toString()).code).toBe('1000');
  });

  it('HANG sends nothing and close() frees it', async () => {
    const pending = getRaw(mock.url, PATH, withFault('HANG'));
    await waitFor(() => mock.journal.list().length === 1);

    await mock.close();
    const result = await pending;

    expect(result.status).toBeUndefined();
    expect(result.body.length).toBe(0);
    expect(result.error?.message).toBe('socket hang up');
  });

  it('a delayed response is freed by close()', async () => {
    const pending = getRaw(mock.url, PATH, { ...KEY, prefer: 'delay=60000' });
    await waitFor(() => mock.journal.list().length === 1);

    await mock.close();
    const result = await pending;

    expect(result.status).toBeUndefined();
    expect(result.error?.code).toBe('ECONNRESET');
  });
});

describe('response faults', () => {
  it.each([
    ['GATEWAY_500', 500, '500 Internal Server Error'],
    ['GATEWAY_502', 502, '502 Bad Gateway'],
    ['GATEWAY_503', 503, '503 Service Temporarily Unavailable'],
    ['GATEWAY_504', 504, '504 Gateway Time-out'],
  ])('%s sends a proxy HTML page', async (fault, status, title) => {
    const res = await fetch(`${mock.url}${PATH}`, {
      headers: withFault(fault),
    });
    const text = await res.text();

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain(`<center><h1>${title}</h1></center>`);
    expect(text).toContain('<center>nginx</center>');
  });

  it('WRONG_CONTENT_TYPE labels JSON as text/html', async () => {
    const res = await fetch(`${mock.url}${PATH}`, {
      headers: withFault('WRONG_CONTENT_TYPE'),
    });
    const text = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(JSON.parse(text).code).toBe('1000');
  });

  it('a fault keeps the forced code for the body', async () => {
    const res = await fetch(`${mock.url}${PATH}`, {
      headers: { ...KEY, prefer: 'fault=WRONG_CONTENT_TYPE, code=7001' },
    });

    expect(JSON.parse(await res.text()).code).toBe('7001');
  });

  it('records the fault in the journal', async () => {
    await fetch(`${mock.url}${PATH}`, { headers: withFault('GATEWAY_503') });

    const [entry] = mock.journal.list();
    expect(entry?.outcome.fault).toBe('GATEWAY_503');
    expect(entry?.outcome.status).toBe(503);
    expect(entry?.outcome.source).toBe('control');
  });
});

describe('faults from other sources', () => {
  it('applies an armed fault to the next request only', async () => {
    mock.arm({ fault: 'EMPTY_RESPONSE' });

    const first = await getRaw(mock.url, PATH, KEY);
    const second = await getRaw(mock.url, PATH, KEY);

    expect(first.error?.message).toBe('socket hang up');
    expect(second.status).toBe(200);
  });

  it('applies a scenario fault to matching requests', async () => {
    mock.setScenarios({
      scenarios: [
        {
          name: 'reset',
          match: { identifier: 'user-1' },
          outcome: { fault: 'CONNECTION_RESET_BY_PEER' },
        },
      ],
    });

    const matching = await getRaw(mock.url, PATH, KEY);
    const other = await getRaw(
      mock.url,
      `${PROFILE_PATH}?identifier=user-2`,
      KEY,
    );

    expect(matching.error?.code).toBe('ECONNRESET');
    expect(other.status).toBe(200);
  });
});
