import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The request sent to every target: Get App Profile of one app. */
export const PROFILE_PATH = '/resources/v2/customerappprofile/a_636035705699961900';
export const KEY_HEADER = { key: '3f2b8c1e-5d4a-4e9b-9c7d-1a2b3c4d5e6f' };

/** How to start one server under test. */
export interface TargetSpec {
  name: string;
  command: string;
  args: (port: number) => string[];
}

/** A started server: its URL, process and start-up time. */
export interface RunningTarget {
  spec: TargetSpec;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first HTTP 200 response. */
  startMs: number;
}

/**
 * Returns a port that was free a moment ago. Another process may take it
 * before the target binds it; the start-up poll then fails with a clear
 * time-out instead of measuring the wrong server.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a target with its output in a log file and waits for its first 200. */
export async function startTarget(spec: TargetSpec, logDir: string): Promise<RunningTarget> {
  const port = await findFreePort();
  const log = openSync(join(logDir, `${spec.name}.log`), 'w');
  const started = performance.now();
  const child = spawn(spec.command, spec.args(port), { stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;

  await waitForFirstAnswer(`${url}${PROFILE_PATH}?identifier=start`, child, spec.name);
  return { spec, url, child, startMs: performance.now() - started };
}

async function waitForFirstAnswer(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Failed to start ${name}: it exited with code ${child.exitCode}; see its log.`);
    }
    if ((await probe(url)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Failed to start ${name}: no HTTP 200 from ${url} within 60 s.`);
}

function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { headers: KEY_HEADER }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
  });
}

/** Stops a target and waits for its process to exit. */
export function stopTarget(target: RunningTarget): Promise<void> {
  if (target.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    target.child.once('exit', () => resolve());
    target.child.kill('SIGTERM');
  });
}

/**
 * Writes a WireMock root folder with one stub that returns the given body
 * for the profile path, as a recorded mock would.
 */
export function writeWireMockRoot(dir: string, body: string): string {
  mkdirSync(join(dir, 'mappings'), { recursive: true });
  const stub = {
    request: { method: 'GET', urlPath: PROFILE_PATH },
    response: {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body,
    },
  };
  writeFileSync(join(dir, 'mappings', 'app-profile.json'), JSON.stringify(stub));
  return dir;
}

/** Fetches one body from a running server, for targets that serve a copy. */
export function fetchBody(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: KEY_HEADER }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }).on('error', reject);
  });
}
