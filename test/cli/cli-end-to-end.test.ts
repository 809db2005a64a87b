import { createServer, type Server } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCli, startCli, waitForListening, type CliProcess } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const DOCUMENTED_PATH = '/resources/v2/customerappprofile/a_636035705699961900';

const tempDir = useTempDir();
let running: CliProcess | undefined;

afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = undefined;
});

describe('imiconnect-mock command', () => {
  it('serves the documented request and stops on SIGTERM', async () => {
    running = startCli(['--port', '0']);
    const url = await waitForListening(running);

    const res = await fetch(`${url}${DOCUMENTED_PATH}?identifier=user-1`, {
      headers: { key: 'any' },
    });
    const body = (await res.json()) as { code: string; Records: unknown[] };
    running.child.kill('SIGTERM');
    const exit = await running.exited;

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(res.status).toBe(200);
    expect(body.code).toBe('1000');
    expect(body.Records.length).toBeGreaterThan(0);
    expect(exit.code).toBe(0);
    expect(running.stdout()).toBe(`listening on ${url}\n`);
  });

  it('exits 0 on SIGINT with a keep-alive connection open', async () => {
    running = startCli(['--port', '0']);
    const url = await waitForListening(running);
    await fetch(`${url}${DOCUMENTED_PATH}?identifier=user-1`, {
      headers: { key: 'any', connection: 'keep-alive' },
    });

    running.child.kill('SIGINT');
    const exit = await running.exited;

    expect(exit.code).toBe(0);
  });

  it('logs one line per request without the key', async () => {
    const secret = 'c0ffee00-1111-4222-8333-444455556666';
    running = startCli(['--port', '0', '--log-level', 'debug']);
    const url = await waitForListening(running);

    await fetch(`${url}${DOCUMENTED_PATH}?identifier=user-1`, { headers: { key: secret } });
    running.child.kill('SIGTERM');
    await running.exited;
    const requestLines = running
      .stderr()
      .split('\n')
      .filter((line) => line.includes('"msg":"request"'));

    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toContain('"outcome":"1000"');
    expect(requestLines[0]).toContain('"key":"[redacted]"');
    expect(running.stderr()).not.toContain(secret);
  });

  it('reads settings from IMICONNECT_MOCK_ variables', async () => {
    running = startCli([], {
      IMICONNECT_MOCK_PORT: '0',
      IMICONNECT_MOCK_KEYS: 'only-this-key',
      IMICONNECT_MOCK_ERROR_STATUS: '4xx',
    });
    const url = await waitForListening(running);

    const res = await fetch(`${url}${DOCUMENTED_PATH}?identifier=user-1`, {
      headers: { key: 'another-key' },
    });

    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('7001');
  });
});

describe('imiconnect-mock start-up errors', () => {
  function expectOneLineError(result: { code: number | null; stderr: string }, text: RegExp) {
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(text);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  it('rejects an unknown flag', async () => {
    const result = await runCli(['--prot', '4020']);

    expectOneLineError(result, /Unknown option '--prot'.*--help/);
  });

  it('rejects a port out of range', async () => {
    const result = await runCli(['--port', '70000']);

    expectOneLineError(result, /Invalid --port "70000": use an integer from 0 to 65535/);
  });

  it('rejects a bad error status from the environment', async () => {
    const result = await runCli([], { IMICONNECT_MOCK_ERROR_STATUS: '500' });

    expectOneLineError(result, /Invalid IMICONNECT_MOCK_ERROR_STATUS "500": use 200 or 4xx/);
  });

  it('rejects a missing spec', async () => {
    const result = await runCli(['--port', '0', '--spec', join(tempDir(), 'missing.yaml')]);

    expectOneLineError(result, /Failed to load spec .*missing\.yaml/);
  });

  it('rejects an invalid fixture with its file name', async () => {
    mkdirSync(join(tempDir(), 'a_1'));
    writeFileSync(join(tempDir(), 'a_1', 'user-1.json'), '{"code": "1000"}');

    const result = await runCli(['--port', '0', '--fixtures', tempDir()]);

    expectOneLineError(result, /Invalid fixture .*a_1\/user-1\.json: /);
  });

  it('rejects a port already in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };

    const result = await runCli(['--port', String(port)]);
    await new Promise((resolve) => blocker.close(resolve));

    expectOneLineError(result, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
  });

  it('prints help with units and defaults', async () => {
    const result = await runCli(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--port PORT');
    expect(result.stdout).toContain('Default: 4020');
    expect(result.stdout).toContain('[IMICONNECT_MOCK_SEED]');
  });
});
