import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { PROFILE_PATH } from '../helpers/mock-spec';

const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

function readListeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)\n/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code} before listening`)));
  });
}

describe('--workers', () => {
  let child: ChildProcess;
  let stdout = '';

  beforeAll(() => {
    child = spawn(process.execPath, [CLI, '--port', '0', '--workers', '2', '--log-level', 'silent']);
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  });

  afterAll(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('serves the same records from every worker and stops on SIGTERM', async () => {
    const url = await readListeningUrl(child);
    const bodies: Array<{ code: string; Records: unknown }> = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await fetch(`${url}${PROFILE_PATH}?identifier=user-1`, { headers: { key: 'k' } });
      bodies.push((await response.json()) as { code: string; Records: unknown });
    }
    const exitCode = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');

    expect(bodies.map((body) => body.code)).toEqual(['1000', '1000', '1000', '1000']);
    expect(new Set(bodies.map((body) => JSON.stringify(body.Records))).size).toBe(1);
    expect(stdout.match(/listening on/g)).toHaveLength(1);
    expect(await exitCode).toBe(0);
  });
});

describe('--workers start failure', () => {
  it('exits with the code of a worker that failed to start', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--workers', '2', '--spec', 'missing-spec.yaml']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitCode = await new Promise((resolve) => child.once('exit', resolve));

    expect(exitCode).toBe(2);
    expect(stderr).toContain('missing-spec.yaml');
  });
});
