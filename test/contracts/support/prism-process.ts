import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const PRISM_BIN = join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');

/** Prism prints this line once its server accepts requests. */
const LISTENING = /Prism is listening on (http:\/\/\S+)/;

/** How long Prism may take to load the spec and listen, in milliseconds. */
const START_TIMEOUT_MS = 20_000;

export interface PrismProcess {
  /** Base URL, such as `http://127.0.0.1:41234`. */
  url: string;
  /** Stops Prism and resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * Asks the kernel for a free port on 127.0.0.1. Prism has no port 0
 * option, so the port is picked here and passed to it. Another process
 * could take the port in between, and then Prism fails to start.
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

/**
 * Starts the Prism CLI with `args` (such as `['mock', 'spec/openapi.yaml']`)
 * on 127.0.0.1 and a free port, and resolves once it listens.
 *
 * @example
 * const prism = await startPrism(['mock', 'spec/openapi.yaml']);
 * await prism.stop();
 */
export async function startPrism(args: string[]): Promise<PrismProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [PRISM_BIN, ...args, '-h', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForListening(child, args);
  return { url, stop: () => stopProcess(child) };
}

function waitForListening(child: ChildProcess, args: string[]): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`Failed to start prism ${args.join(' ')}: ${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail(`not listening after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
