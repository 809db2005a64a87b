import type { Logger } from 'pino';

import { createLogger } from '../../http/request-log';
import { startProxy } from '../../proxy/start-proxy';
import { RecordOutputError, startRecorder } from '../../record/start-recorder';
import { ListenError, type RunningServer } from '../../server/listen';
import { loadSpec, SpecError } from '../../spec/load-spec';
import { UsageError } from '../cli-options';
import {
  parseUpstreamCliOptions,
  UPSTREAM_COMMANDS,
  type UpstreamCliOptions,
  type UpstreamCommand,
} from './upstream-cli-options';
import { PROXY_USAGE, RECORD_USAGE } from './upstream-usage';
import { EXIT_FAILURE, stopOnSignals } from '../stop-on-signals';

const EXIT_USAGE = 2;

/** Tells whether a first command-line argument names `record` or `proxy`. */
export function isUpstreamCommand(value: string | undefined): value is UpstreamCommand {
  return UPSTREAM_COMMANDS.some((command) => command === value);
}

/**
 * Runs `imiconnect-mock record` or `imiconnect-mock proxy`: prints the
 * `listening on` line once the server listens and closes it on SIGINT or
 * SIGTERM. A failure prints one line and sets exit code 2 when the user can
 * fix it (option, spec, port, output folder), else 1.
 *
 * @example
 * await runUpstreamCommand('proxy', ['--upstream', 'http://127.0.0.1:8080', '--port', '0']);
 */
export async function runUpstreamCommand(command: UpstreamCommand, argv: string[]): Promise<void> {
  let options: UpstreamCliOptions | undefined;
  try {
    options = parseUpstreamCliOptions(command, argv, process.env);
    if (options.help) {
      process.stdout.write(command === 'record' ? RECORD_USAGE : PROXY_USAGE);
      return;
    }
    const running = await start(options, createLogger(options.logLevel));
    process.stdout.write(`listening on ${running.url}\n`);
    stopOnSignals(running);
  } catch (error) {
    reportFailure(error, options?.logLevel === 'debug' || options?.logLevel === 'trace');
  }
}

async function start(options: UpstreamCliOptions, logger: Logger): Promise<RunningServer> {
  const spec = await loadSpec(options.spec);
  const common = {
    spec,
    upstream: options.upstream as URL,
    upstreamTimeoutMs: options.upstreamTimeoutMs,
    host: options.host,
    port: options.port,
    logger,
  };
  if (options.command === 'proxy') return startProxy(common);
  return startRecorder({
    ...common,
    outDir: options.out as string,
    key: options.key,
    keepIdentifiers: options.keepIdentifiers,
  });
}

function reportFailure(error: unknown, debug: boolean): void {
  const isUserError =
    error instanceof UsageError ||
    error instanceof SpecError ||
    error instanceof ListenError ||
    error instanceof RecordOutputError;
  const message = error instanceof Error ? error.message : String(error);

  process.stderr.write(`imiconnect-mock: ${message}\n`);
  if (!isUserError && debug && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  process.exitCode = isUserError ? EXIT_USAGE : EXIT_FAILURE;
}
