import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ROOT_DIR } from './support/contract-terms';
import { readRealApiConfig, RealApiConfigError } from '../../scripts/real-api-config';

const SETTINGS = [
  'IMICONNECT_BASE_URL',
  'IMICONNECT_PROFILE_KEY',
  'PACT_BROKER_BASE_URL',
  'PACT_BROKER_TOKEN',
];

interface RunResult {
  exitCode: number;
  stderr: string;
}

let server: Server;
let serverUrl: string;
let requestCount = 0;

beforeAll(async () => {
  // Stands in for a broker or API host, to prove the scripts send nothing.
  server = createServer((_req, res) => {
    requestCount += 1;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function runScript(script: string, env: Record<string, string>): Promise<RunResult> {
  const cleanEnv = { ...process.env };
  for (const name of SETTINGS) delete cleanEnv[name];
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', script], { cwd: ROOT_DIR, env: { ...cleanEnv, ...env } }, (error, _stdout, stderr) => {
      resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, stderr });
    });
  });
}

describe('contract scripts without settings', () => {
  it('verify:real exits 2 and names the variables', async () => {
    const result = await runScript('verify:real', { IMICONNECT_BASE_URL: serverUrl });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Missing IMICONNECT_PROFILE_KEY');
    expect(result.stderr).toContain('Nothing was sent.');
    expect(requestCount).toBe(0);
  });

  it('pact:publish exits 2 and names the variables', async () => {
    const result = await runScript('pact:publish', { PACT_BROKER_BASE_URL: serverUrl });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Missing PACT_BROKER_TOKEN');
    expect(requestCount).toBe(0);
  });

  it('pact:can-i-deploy exits 2 and names the variables', async () => {
    const result = await runScript('pact:can-i-deploy', {});

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Missing PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN');
    expect(requestCount).toBe(0);
  });
});

describe('readRealApiConfig', () => {
  const userStates = { linked: 'linked', unlinked: 'unlinked', severalDevices: 'several' };

  it('names both missing variables', () => {
    expect(() => readRealApiConfig({}, userStates)).toThrow(
      'Missing IMICONNECT_BASE_URL and IMICONNECT_PROFILE_KEY',
    );
  });

  it('rejects a base URL without a scheme', () => {
    const env = { IMICONNECT_BASE_URL: 'api.eu.webexconnect.io', IMICONNECT_PROFILE_KEY: 'k' };

    expect(() => readRealApiConfig(env, userStates)).toThrow(RealApiConfigError);
  });

  it('maps user variables to states', () => {
    const env = {
      IMICONNECT_BASE_URL: 'http://127.0.0.1:1',
      IMICONNECT_PROFILE_KEY: 'k',
      IMICONNECT_APP_ID: 'BO20055029',
      IMICONNECT_SEVERAL_DEVICES_USER: 'u-3',
    };

    const config = readRealApiConfig(env, userStates);

    expect(config.users).toEqual({ several: 'u-3' });
    expect(config.appId).toBe('BO20055029');
    expect(config.key).toBe('k');
  });
});
