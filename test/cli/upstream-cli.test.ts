import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { replyJson, startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';
import { PROFILE_PATH } from '../helpers/mock-spec';
import { buildRealProfile, REAL_IDENTIFIER, SECRET_KEY } from '../helpers/real-looking-profile';
import { runCli, startCli, waitForListening, type CliProcess } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

let upstream: FakeUpstream;
let cli: CliProcess | undefined;
const tempDir = useTempDir();

beforeAll(async () => {
  upstream = await startFakeUpstream(() => replyJson(buildRealProfile()));
});

afterAll(async () => {
  await upstream.close();
});

afterEach(async () => {
  if (cli && cli.child.exitCode === null) {
    cli.child.kill('SIGTERM');
    await cli.exited;
  }
  cli = undefined;
});

describe('imiconnect-mock record', () => {
  it('records a fixture and exits 0 on SIGTERM', async () => {
    cli = startCli(['record', '--upstream', upstream.url, '--out', tempDir(), '--port', '0'], {
      IMICONNECT_MOCK_UPSTREAM_KEY: SECRET_KEY,
    });
    const url = await waitForListening(cli);

    const res = await fetch(`${url}${PROFILE_PATH}?identifier=${REAL_IDENTIFIER}`);
    const [appFolder = ''] = readdirSync(tempDir());
    const [fixture = ''] = readdirSync(join(tempDir(), appFolder));
    cli.child.kill('SIGTERM');

    expect(res.status).toBe(200);
    expect(upstream.requests.at(-1)?.headers.key).toBe(SECRET_KEY);
    expect(fixture).toMatch(/\.json$/);
    expect(fixture).not.toContain(REAL_IDENTIFIER);
    expect(readFileSync(join(tempDir(), appFolder, fixture), 'utf8')).not.toContain(SECRET_KEY);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stderr()).toContain('"fixturesStored":1');
    expect(cli.stderr()).not.toContain(SECRET_KEY);
    expect(cli.stderr()).not.toContain(REAL_IDENTIFIER);
  });

  it('exits 2 without --upstream', async () => {
    const result = await runCli(['record', '--out', tempDir(), '--port', '0']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'imiconnect-mock: Missing --upstream: record needs the base URL of the real service, such as --upstream https://api.us.webexconnect.io. There is no default.\n',
    );
  });

  it('prints its own help', async () => {
    const result = await runCli(['record', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: imiconnect-mock record --upstream URL --out DIR');
    expect(result.stdout).toContain('--upstream-timeout MS');
  });
});

describe('imiconnect-mock proxy', () => {
  it('proxies and reports drift in a header', async () => {
    cli = startCli(['proxy', '--upstream', upstream.url, '--port', '0', '--log-level', 'silent']);
    const url = await waitForListening(cli);

    const res = await fetch(`${url}${PROFILE_PATH}?identifier=u1`, { headers: { key: SECRET_KEY } });
    cli.child.kill('SIGINT');

    expect(res.headers.get('x-imiconnect-mock-drift')).toBe('none');
    expect(await res.json()).toEqual(buildRealProfile());
    expect((await cli.exited).code).toBe(0);
  });

  it('exits 2 for an upstream that is not http', async () => {
    const result = await runCli(['proxy', '--upstream', 'file:///etc/passwd']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the scheme file: is not supported');
  });
});
