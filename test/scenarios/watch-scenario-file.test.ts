import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';

import {
  startMockServer,
  type MockServer,
} from '../../src/server/start-mock-server';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';
import { waitFor } from '../helpers/raw-request';

let dir: string;
let mock: MockServer;
let logLines: Array<{ msg: string; reason?: string }>;

function scenarioYaml(code: string): string {
  return `scenarios:\n  - name: forced\n    outcome: { code: "${code}" }\n`;
}

async function codeNow(): Promise<string> {
  const res = await fetch(`${mock.url}${PROFILE_PATH}?identifier=u`, {
    headers: { key: 'k' },
  });
  return ((await res.json()) as { code: string }).code;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'watch-'));
  logLines = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const file = join(dir, 'scenarios.yaml');
  writeFileSync(file, scenarioYaml('7001'));
  mock = await startMockServer({
    spec: await loadBundledSpec(),
    scenarios: file,
    watch: true,
    logger: pino(stream),
  });
});

afterEach(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scenario file watch', () => {
  it('reloads the file when it changes', async () => {
    expect(await codeNow()).toBe('7001');

    writeFileSync(join(dir, 'scenarios.yaml'), scenarioYaml('7003'));
    await waitFor(() =>
      logLines.some((line) => line.msg === 'scenario file reloaded'),
    );

    expect(await codeNow()).toBe('7003');
  });

  it('keeps the last good version of an invalid file', async () => {
    writeFileSync(
      join(dir, 'scenarios.yaml'),
      'scenarios:\n  - name: broken\n',
    );
    await waitFor(() =>
      logLines.some((line) => line.msg.startsWith('scenario file rejected')),
    );

    const rejected = logLines.find((line) =>
      line.msg.startsWith('scenario file rejected'),
    );
    expect(rejected?.reason).toContain(
      'set exactly one of outcome or sequence',
    );
    expect(await codeNow()).toBe('7001');
  });
});
