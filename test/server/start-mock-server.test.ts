import { ScenarioError } from '../../src/scenarios/load-scenario-file';
import {
  startMockServer,
  type MockServer,
} from '../../src/server/start-mock-server';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

let mock: MockServer;

afterEach(async () => {
  await mock.close();
});

async function getCode(headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${mock.url}${PROFILE_PATH}?identifier=u`, {
    headers: { key: 'k', ...headers },
  });
  return ((await res.json()) as { code: string }).code;
}

describe('startMockServer', () => {
  it('listens on a free port of 127.0.0.1', async () => {
    mock = await startMockServer({ spec: await loadBundledSpec() });

    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
  });

  it('loads the bundled spec by default', async () => {
    mock = await startMockServer();

    expect(await getCode()).toBe('1000');
  });

  it('takes an inline scenario document', async () => {
    mock = await startMockServer({
      spec: await loadBundledSpec(),
      scenarios: { scenarios: [{ name: 'a', outcome: { code: '7003' } }] },
    });

    expect(await getCode()).toBe('7003');
    expect(mock.getScenarios().scenarios[0]?.name).toBe('a');
  });

  it('rejects an invalid inline document', async () => {
    const start = startMockServer({
      spec: await loadBundledSpec(),
      scenarios: { scenarios: [{ name: 'a', outcome: { fault: 'NOPE' } }] },
    });

    await expect(start).rejects.toThrow(ScenarioError);
    await expect(start).rejects.toThrow('/scenarios/0/outcome/fault');
    mock = await startMockServer({ spec: await loadBundledSpec() });
  });

  it('loads a scenario file', async () => {
    mock = await startMockServer({
      spec: await loadBundledSpec(),
      scenarios: 'fixtures/scenarios.example.yaml',
    });

    expect(await getCode({ key: 'revoked-key-0000' })).toBe('7001');
  });

  it('arms, lists the journal and resets', async () => {
    mock = await startMockServer({ spec: await loadBundledSpec() });
    mock.arm({ code: '7001' });

    const armed = await getCode();
    const [entry] = mock.journal.list();
    mock.reset();

    expect(armed).toBe('7001');
    expect(entry?.outcome.source).toBe('armed');
    expect(mock.journal.list()).toEqual([]);
  });

  it('rejects an invalid armed outcome', async () => {
    mock = await startMockServer({ spec: await loadBundledSpec() });

    expect(() => mock.arm({ example: 'nope' })).toThrow(ScenarioError);
    expect(() => mock.arm({ code: '7001' }, 0)).toThrow(
      'Invalid arming count 0',
    );
  });

  it('scopes helpers to a session', async () => {
    mock = await startMockServer({ spec: await loadBundledSpec() });
    const worker = mock.session('worker-1');
    worker.setScenarios({
      scenarios: [{ name: 'a', outcome: { code: '7003' } }],
    });

    const inSession = await getCode(worker.headers);
    const outside = await getCode();

    expect(inSession).toBe('7003');
    expect(outside).toBe('1000');
    expect(worker.journal.list()).toHaveLength(1);
    expect(mock.journal.list()).toHaveLength(1);
  });

  it('restores file scenarios on resetScenarios', async () => {
    mock = await startMockServer({
      spec: await loadBundledSpec(),
      scenarios: { scenarios: [] },
    });
    mock.setScenarios({
      scenarios: [{ name: 'a', outcome: { code: '7003' } }],
    });

    mock.resetScenarios();

    expect(await getCode()).toBe('1000');
  });
});
