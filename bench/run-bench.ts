import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { prefillUsers, readRssMiB, runLoad, type Sample, type UserMix } from './measure';
import {
  describeMachine,
  formatLoadTable,
  formatProcessTable,
  formatRatios,
  summarize,
  type ProcessFacts,
  type Row,
} from './report';
import {
  fetchBody,
  PROFILE_PATH,
  startTarget,
  stopTarget,
  writeWireMockRoot,
  type RunningTarget,
  type TargetSpec,
} from './targets';

const ROOT = resolve(__dirname, '..', '..');
const SPEC = join(ROOT, 'spec', 'openapi.yaml');
const PRISM = join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
const WIREMOCK_JAR = join(ROOT, 'node_modules', 'wiremock', 'build', 'wiremock-standalone-3.13.2.jar');
const REPORT_FILE = join(ROOT, 'docs', 'benchmarks.md');
const CONNECTIONS = [10, 50];
const MOCK = 'mock';
const MOCK_WORKERS = 'mock-workers-2';

/** One load case: a process and the users it is asked for. */
interface Case {
  name: string;
  process: string;
  users: UserMix;
}

interface Settings {
  rounds: number;
  seconds: number;
  warmUpSeconds: number;
  write: boolean;
  only: string[] | undefined;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      only: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  return {
    rounds: quick ? 1 : 3,
    seconds: quick ? 2 : 5,
    warmUpSeconds: 1,
    write: values['no-write'] !== true && !quick,
    only: values.only?.split(','),
  };
}

function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function defineProcesses(dir: string, java: boolean, quick: boolean): TargetSpec[] {
  const wireMock = (name: string, extra: string[]): TargetSpec => ({
    name,
    command: 'java',
    args: (port) => ['-jar', WIREMOCK_JAR, '--port', String(port), '--bind-address', '127.0.0.1', '--root-dir', join(dir, 'wiremock'), '--disable-banner', ...extra],
  });
  const processes: TargetSpec[] = [
    { name: 'node-bare', command: process.execPath, args: (port) => [join(__dirname, 'bare-node-server.js'), String(port), join(dir, 'body.json')] },
    { name: 'prism-static', command: process.execPath, args: (port) => [PRISM, 'mock', '-h', '127.0.0.1', '-p', String(port), SPEC] },
    { name: 'prism-dynamic', command: process.execPath, args: (port) => [PRISM, 'mock', '-d', '--json-schema-faker-fillProperties=false', '-h', '127.0.0.1', '-p', String(port), SPEC] },
  ];
  if (java) processes.push(wireMock('wiremock', ['--no-request-journal']));
  if (java && !quick) processes.push(wireMock('wiremock-journal', []));
  return processes;
}

function defineCases(processes: TargetSpec[]): Case[] {
  return [
    { name: 'mock, 5,000 users', process: MOCK, users: 'many' },
    { name: 'mock, one user', process: MOCK, users: 'one' },
    { name: 'mock, new user each request', process: MOCK, users: 'new' },
    { name: 'mock --workers 2, 5,000 users', process: MOCK_WORKERS, users: 'many' },
    ...processes.map((spec) => ({ name: spec.name, process: spec.name, users: 'one' as const })),
  ];
}

function mockSpec(name: string, workers: number): TargetSpec {
  return {
    name,
    command: process.execPath,
    args: (port) => [join(ROOT, 'dist', 'cli', 'main.js'), '--port', String(port), '--workers', String(workers)],
  };
}

async function startAll(dir: string, java: boolean, settings: Settings): Promise<Map<string, RunningTarget>> {
  const quick = settings.rounds === 1;
  const running = new Map<string, RunningTarget>();
  const mock = await startTarget(mockSpec(MOCK, 1), dir);
  running.set(MOCK, mock);
  const workers = await startTarget(mockSpec(MOCK_WORKERS, 2), dir);
  running.set(MOCK_WORKERS, workers);
  await prefillUsers(mock.url, 1);
  // Each worker has its own cache and gets about every other request.
  await prefillUsers(workers.url, 3);

  const body = await fetchBody(`${mock.url}${PROFILE_PATH}?identifier=user-1`);
  writeFileSync(join(dir, 'body.json'), body);
  writeWireMockRoot(join(dir, 'wiremock'), body);
  process.stderr.write(`body of one user: ${Buffer.byteLength(body)} bytes\n`);

  const wanted = (name: string) => !settings.only || settings.only.includes(name);
  for (const spec of defineProcesses(dir, java, quick).filter((item) => wanted(item.name))) {
    running.set(spec.name, await startTarget(spec, dir));
    process.stderr.write(`started ${spec.name}\n`);
  }
  return running;
}

async function measureCases(cases: Case[], running: Map<string, RunningTarget>, settings: Settings): Promise<Row[]> {
  const samples = new Map<string, Sample[]>();
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const connections of CONNECTIONS) {
      for (const { name, process: processName, users } of cases) {
        const target = running.get(processName);
        if (!target?.child.pid) continue;
        const pid = target.child.pid;
        // The new-user case pushes the many users out of the record cache,
        // so they are sent again before each of their runs.
        if (users === 'many') await prefillUsers(target.url, processName === MOCK_WORKERS ? 3 : 1);
        else await runLoad(target.url, pid, { connections, seconds: settings.warmUpSeconds, users });
        const sample = await runLoad(target.url, pid, { connections, seconds: settings.seconds, users });
        const key = `${name}@${connections}`;
        samples.set(key, [...(samples.get(key) ?? []), sample]);
        process.stderr.write(`round ${round} ${key}: ${Math.round(sample.requestsPerSecond)} req/s, p99 ${sample.p99Ms} ms\n`);
      }
    }
  }
  return toRows(cases, samples);
}

function toRows(cases: Case[], samples: Map<string, Sample[]>): Row[] {
  const rows: Row[] = [];
  for (const connections of CONNECTIONS) {
    for (const { name } of cases) {
      const list = samples.get(`${name}@${connections}`);
      if (list) rows.push({ caseName: name, connections, sample: summarize(list) });
    }
  }
  return rows;
}

function renderReport(rows: Row[], facts: ProcessFacts[], settings: Settings, java: boolean): string {
  const subject = 'mock, 5,000 users';
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${describeMachine()}.`,
    `Medians of ${settings.rounds} interleaved rounds, ${settings.seconds} s per run after a ${settings.warmUpSeconds} s warm-up; errors and non-2xx are totals over the rounds.`,
    java ? '' : 'WireMock was skipped: no `java` on the PATH.',
    '',
    formatLoadTable(rows),
    '',
    formatProcessTable(facts),
    '',
    formatRatios(rows, subject, ['node-bare', 'prism-static', 'wiremock']),
    formatRatios(rows, 'mock --workers 2, 5,000 users', ['node-bare', 'prism-static', 'wiremock']),
  ].join('\n');
}

function writeReport(text: string): void {
  const page = readFileSync(REPORT_FILE, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const before = page.slice(0, page.indexOf(start) + start.length);
  const after = page.slice(page.indexOf(end));
  writeFileSync(REPORT_FILE, `${before}\n${text}\n${after}`);
}

async function main(): Promise<void> {
  const settings = readSettings();
  const java = hasJava();
  if (!java) process.stderr.write('WireMock skipped: no java on the PATH.\n');
  const dir = mkdtempSync(join(tmpdir(), 'imiconnect-bench-'));
  const running = await startAll(dir, java, settings);
  try {
    const cases = defineCases([...running.values()].map((target) => target.spec).filter((spec) => spec.name !== MOCK && spec.name !== MOCK_WORKERS))
      .filter((item) => !settings.only || settings.only.includes(item.process));
    const rows = await measureCases(cases, running, settings);
    const facts = [...running.values()].map((target) => ({ name: target.spec.name, startMs: target.startMs, rssMiB: readRssMiB(target.child.pid ?? 0) }));
    const text = renderReport(rows, facts, settings, java);
    process.stdout.write(`${text}\n\nlogs: ${dir}\n`);
    if (settings.write) writeReport(text);
  } finally {
    await Promise.all([...running.values()].map(stopTarget));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
