import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

/** A CLI process with its output so far. */
export interface CliProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built CLI as a user would, with a clean IMICONNECT_MOCK_* environment. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  if (!existsSync(CLI)) {
    throw new Error(`Failed to find ${CLI}: run npm run build first.`);
  }
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('IMICONNECT_MOCK_')),
  );
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...cleanEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Waits for the `listening on <url>` line and returns the URL. */
export function waitForListening(cli: CliProcess, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`No listening line after ${timeoutMs} ms; stderr: ${cli.stderr()}`));
    }, timeoutMs);
    const onData = () => {
      const match = /^listening on (http:\/\/\S+)$/m.exec(cli.stdout());
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = () => {
      cleanup();
      reject(new Error(`CLI exited before listening; stderr: ${cli.stderr()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      cli.child.stdout?.off('data', onData);
      cli.child.off('exit', onExit);
    };
    cli.child.stdout?.on('data', onData);
    cli.child.once('exit', onExit);
    onData();
  });
}

/** Runs the CLI to its exit, for start-up errors and --help. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const cli = startCli(args, env);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
