import {
  startMockServer,
  type MockServer,
} from '../../src/server/start-mock-server';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';
import { getRaw } from '../helpers/raw-request';

let mock: MockServer;

beforeEach(async () => {
  mock = await startMockServer({ spec: await loadBundledSpec() });
});

afterEach(async () => {
  await mock.close();
});

async function sendConcurrently(
  count: number,
  headers: Record<string, string>,
): Promise<string[]> {
  const results = await Promise.all(
    Array.from({ length: count }, () =>
      getRaw(mock.url, `${PROFILE_PATH}?identifier=user-1`, {
        key: 'k',
        ...headers,
      }),
    ),
  );
  return results.map(
    (result) => JSON.parse(result.body.toString()).code as string,
  );
}

describe('arming under concurrency', () => {
  it('gives one armed 7001 to exactly one of 20 requests', async () => {
    const armed = await fetch(`${mock.url}/__admin/arm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: { code: '7001' }, count: 1 }),
    });

    const codes = await sendConcurrently(20, {});

    expect(armed.status).toBe(201);
    expect(codes.filter((code) => code === '7001')).toHaveLength(1);
    expect(codes.filter((code) => code === '1000')).toHaveLength(19);
  });

  it('gives three armed codes to exactly three requests', async () => {
    mock.arm({ code: '7003' }, 3);

    const codes = await sendConcurrently(20, {});

    expect(codes.filter((code) => code === '7003')).toHaveLength(3);
  });

  it('keeps concurrent sessions apart', async () => {
    const a = mock.session('worker-a');
    const b = mock.session('worker-b');
    a.arm({ code: '7001' }, 5);
    b.arm({ code: '7003' }, 5);

    const [codesA, codesB] = await Promise.all([
      sendConcurrently(10, a.headers),
      sendConcurrently(10, b.headers),
    ]);

    expect(codesA.filter((code) => code === '7001')).toHaveLength(5);
    expect(codesA).not.toContain('7003');
    expect(codesB.filter((code) => code === '7003')).toHaveLength(5);
    expect(codesB).not.toContain('7001');
  });
});
