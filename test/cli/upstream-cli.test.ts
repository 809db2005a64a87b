import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { replyJson, startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';
import { PROFILE_PATH } from '../helpers/mock-spec';
import { buildRealProfile, REAL_IDENTIFIER, SECRET_KEY } from '../helpers/real-looking-profile';

/** The built CLI: `npm test` builds it before jest runs. */
const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

interface CliRun {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

let upstream: FakeUpstream;
let outDir: string;
let run: CliRun | undefined;

function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /^listening on (http:\/\/\S+)\n/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`CLI exited with ${code} before listening`)));
  });
}

beforeAll(async () => {
  upstream = await startFakeUpstream(() => replyJson(buildRealProfile()));
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'imiconnect-cli-record-'));
});

afterEach(async () => {
  if (run && run.child.exitCode === null) {
    run.child.kill('SIGTERM');
    await run.exited;
  }
  run = undefined;
  rmSync(outDir, { recursive: true, force: true });
});

describe('imiconnect-mock record', () => {
  it('records a fixture and exits 0 on SIGTERM', async () => {
    run = startCli(['record', '--upstream', upstream.url, '--out', outDir, '--port', '0'], {
      IMICONNECT_MOCK_UPSTREAM_KEY: SECRET_KEY,
    });
    const url = await waitForListening(run.child);

    const res = await fetch(`${url}${PROFILE_PATH}?identifier=${REAL_IDENTIFIER}`);
    const [appFolder] = readdirSync(outDir);
    const [fixture] = readdirSync(join(outDir, appFolder ?? ''));
    run.child.kill('SIGTERM');

    expect(res.status).toBe(200);
    expect(upstream.requests.at(-1)?.headers.key).toBe(SECRET_KEY);
    expect(fixture).toMatch(/\.json$/);
    expect(fixture).not.toContain(REAL_IDENTIFIER);
    expect(readFileSync(join(outDir, appFolder ?? '', fixture ?? ''), 'utf8')).not.toContain(SECRET_KEY);
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('"fixturesStored":1');
    expect(run.stderr()).not.toContain(SECRET_KEY);
    expect(run.stderr()).not.toContain(REAL_IDENTIFIER);
  });

  it('exits 2 without --upstream', async () => {
    run = startCli(['record', '--out', outDir, '--port', '0']);

    expect(await run.exited).toBe(2);
    expect(run.stderr()).toBe(
      'imiconnect-mock: Missing --upstream: record needs the base URL of the real service, such as --upstream https://api.us.webexconnect.io. There is no default.\n',
    );
  });
});

describe('imiconnect-mock proxy', () => {
  it('proxies and reports drift in a header', async () => {
    run = startCli(['proxy', '--upstream', upstream.url, '--port', '0', '--log-level', 'silent']);
    const url = await waitForListening(run.child);

    const res = await fetch(`${url}${PROFILE_PATH}?identifier=u1`, { headers: { key: SECRET_KEY } });
    run.child.kill('SIGINT');

    expect(res.headers.get('x-imiconnect-mock-drift')).toBe('none');
    expect(await res.json()).toEqual(buildRealProfile());
    expect(await run.exited).toBe(0);
  });

  it('exits 2 for an upstream that is not http', async () => {
    run = startCli(['proxy', '--upstream', 'file:///etc/passwd']);

    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('the scheme file: is not supported');
  });
});
