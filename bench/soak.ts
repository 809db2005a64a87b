import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

import { readRssMiB } from './measure';
import { startTarget, stopTarget } from './targets';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE_SECONDS = 10;

/**
 * Loads the mock for a few minutes with a new user on every request,
 * so its record cache fills and then evicts, and prints its RSS over time.
 * Memory that keeps growing after the first samples means a cache or a
 * buffer is not bounded.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string' } } });
  const seconds = Number(values.seconds ?? 180);
  // RSS is sampled every SAMPLE_SECONDS, and a start and an end sample are
  // the least a report needs.
  if (!Number.isInteger(seconds) || seconds < 2 * SAMPLE_SECONDS) {
    throw new Error(`--seconds ${String(values.seconds)} is invalid: use a whole number of at least ${2 * SAMPLE_SECONDS}.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'imiconnect-soak-'));
  const mock = await startTarget({ name: 'mock', command: process.execPath, args: (port) => [join(ROOT, 'dist', 'cli', 'main.js'), '--port', String(port), '--log-level', 'warn'] }, dir);
  const pid = mock.child.pid ?? 0;
  const samples: Array<{ second: number; rssMiB: number; requests: number }> = [
    { second: 0, rssMiB: readRssMiB(pid), requests: 0 },
  ];
  let user = 0;
  let requests = 0;

  try {
    const run = autocannon({
      url: mock.url,
      connections: 50,
      duration: seconds,
      headers: { key: 'soak-key' },
      requests: [{ setupRequest: (request) => ({ ...request, path: `/resources/v2/customerappprofile/a_636035705699961900?identifier=soak-${(user += 1)}` }), onResponse: () => { requests += 1; } }],
    });
    const timer = setInterval(() => {
      samples.push({ second: samples.length * SAMPLE_SECONDS, rssMiB: readRssMiB(pid), requests });
      const last = samples[samples.length - 1];
      process.stderr.write(`${last?.second} s: RSS ${last?.rssMiB.toFixed(0)} MiB after ${last?.requests} requests\n`);
    }, SAMPLE_SECONDS * 1_000);
    const result = await run;
    clearInterval(timer);
    report(samples, result.errors, result.non2xx);
  } finally {
    await stopTarget(mock);
  }
}

function report(samples: Array<{ rssMiB: number; requests: number }>, errors: number, non2xx: number): void {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const peak = Math.max(...samples.map((sample) => sample.rssMiB));
  process.stdout.write(
    `soak: RSS ${first?.rssMiB.toFixed(0)} MiB at ${first?.requests} requests, ${last?.rssMiB.toFixed(0)} MiB at ${last?.requests} requests, peak ${peak.toFixed(0)} MiB; errors ${errors}, non-2xx ${non2xx}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
