import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseCliOptions, UsageError } from '../../src/cli/cli-options';
import { PROFILE_PATH } from '../helpers/mock-spec';

/** The built CLI; `npm test` builds it before jest runs. */
const MAIN = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

let dir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-scenarios-'));
});

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[]): {
  child: ChildProcess;
  exit: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(
    process.execPath,
    [MAIN, '--port', '0', '--log-level', 'silent', ...args],
    { stdio: 'pipe' },
  );
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>(
    (resolve) => {
      child.on('exit', (code) => resolve({ code, stderr }));
    },
  );
  return { child, exit };
}

function readListeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (\S+)\n/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) =>
      reject(new Error(`the CLI exited with ${code} before listening`)),
    );
  });
}

describe('scenario CLI options', () => {
  it('reads --scenarios, --watch, --no-admin and --admin-token', () => {
    const options = parseCliOptions(
      ['--scenarios', 's.yaml', '--watch', '--no-admin', '--admin-token', 't'],
      {},
    );

    expect(options.scenarios).toBe('s.yaml');
    expect(options.watch).toBe(true);
    expect(options.admin).toBe(false);
    expect(options.adminToken).toBe('t');
  });

  it('reads the environment variables', () => {
    const options = parseCliOptions([], {
      IMICONNECT_MOCK_SCENARIOS: 'env.yaml',
      IMICONNECT_MOCK_WATCH: 'true',
      IMICONNECT_MOCK_ADMIN: 'false',
      IMICONNECT_MOCK_JOURNAL_SIZE: '50',
    });

    expect(options.scenarios).toBe('env.yaml');
    expect(options.watch).toBe(true);
    expect(options.admin).toBe(false);
    expect(options.journalSize).toBe(50);
  });

  it('defaults to admin on and watch off', () => {
    const options = parseCliOptions([], {});

    expect(options.admin).toBe(true);
    expect(options.watch).toBe(false);
    expect(options.journalSize).toBe(1000);
  });

  it('rejects --watch without --scenarios', () => {
    expect(() => parseCliOptions(['--watch'], {})).toThrow(
      '--watch needs a scenario file',
    );
  });

  it('rejects a bad switch value', () => {
    expect(() => parseCliOptions([], { IMICONNECT_MOCK_WATCH: 'yes' })).toThrow(
      UsageError,
    );
  });

  it('exits 2 with one line for an invalid file', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'scenarios:\n  - name: a\n    outcome: { delay: -5 }\n',
    );

    const { code, stderr } = await runCli(['--scenarios', file]).exit;

    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(
      `Invalid scenario file ${file} at /scenarios/0/outcome/delay (line 3, column 23)`,
    );
  });

  it('serves scenarios and guards the admin API', async () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(
      file,
      'scenarios:\n  - name: a\n    outcome: { code: "7003" }\n',
    );
    const { child, exit } = runCli([
      '--scenarios',
      file,
      '--admin-token',
      'cli-token',
    ]);
    const url = await readListeningUrl(child);

    const profile = await fetch(`${url}${PROFILE_PATH}?identifier=u`, {
      headers: { key: 'k' },
    });
    const admin = await fetch(`${url}/__admin/requests`);
    child.kill('SIGTERM');

    expect(((await profile.json()) as { code: string }).code).toBe('7003');
    expect(admin.status).toBe(401);
    expect((await exit).code).toBe(0);
  });
});
