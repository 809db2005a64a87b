import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

import { KEY_HEADER, PROFILE_PATH } from './targets';

/** The figures of one load run. */
export interface Sample {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** CPU time of the server process divided by wall time, in cores. */
  cores: number;
}

/** The identifiers a load sends: one user, a pool of users, or a new user per request. */
export type UserMix = 'one' | 'many' | 'new';

/** Distinct users in the `many` mix. The mock's record cache has room for all of them. */
export const MANY_USERS = 5_000;

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * Runs autocannon against a server for a number of seconds and reads the
 * server's CPU time around it.
 */
export async function runLoad(
  url: string,
  pid: number,
  options: { connections: number; seconds: number; users: UserMix },
): Promise<Sample> {
  const cpuBefore = readCpuSeconds(pid);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: KEY_HEADER,
    requests: [{ setupRequest: pickUser(options.users) }],
  });
  const cpu = readCpuSeconds(pid) - cpuBefore;

  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // autocannon counts time-outs in errors already.
    errors: result.errors,
    non2xx: result.non2xx,
    cores: cpu / result.duration,
  };
}

let userCounter = 0;

/**
 * Sends one request for each of the `many` users, so that the first round
 * measures a filled record cache as the later rounds do.
 */
export async function prefillUsers(url: string, passes: number): Promise<void> {
  await autocannon({
    url,
    connections: 10,
    amount: MANY_USERS * passes,
    headers: KEY_HEADER,
    requests: [{ setupRequest: pickUser('many') }],
  });
}

function pickUser(users: UserMix) {
  return (request: { path?: string }) => {
    userCounter += 1;
    const identifier = chooseIdentifier(users, userCounter);
    return { ...request, path: `${PROFILE_PATH}?identifier=${identifier}` };
  };
}

function chooseIdentifier(users: UserMix, counter: number): string {
  if (users === 'one') return 'user-1';
  if (users === 'many') return `user-${counter % MANY_USERS}`;
  return `new-${process.pid}-${counter}`;
}

/** Lists a process and its descendants, such as cluster workers, from /proc. */
export function listProcessTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    const childPids = children === '' ? [] : children.split(' ').map(Number);
    return [pid, ...childPids.flatMap(listProcessTree)];
  } catch {
    return [pid];
  }
}

/** Reads utime + stime of a process and its descendants, in seconds. */
export function readCpuSeconds(pid: number): number {
  return listProcessTree(pid).reduce((sum, id) => sum + readOwnCpuSeconds(id), 0);
}

function readOwnCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces, so fields are counted from the
    // last ")". The state is field 3, utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Reads the resident set size of a process and its descendants, in MiB. */
export function readRssMiB(pid: number): number {
  return listProcessTree(pid).reduce((sum, id) => sum + readOwnRssMiB(id), 0);
}

function readOwnRssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Computes the median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
