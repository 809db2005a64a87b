#!/usr/bin/env node
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { createApp } from '../http/create-app';
import { createLogger } from '../http/request-log';
import { FixtureError, loadFixtures } from '../fixtures/load-fixtures';
import { loadSpec, SpecError, type CompiledSpec } from '../spec/load-spec';
import { loadScenarioFile, ScenarioError } from '../scenarios/load-scenario-file';
import { watchScenarioFile } from '../scenarios/watch-scenario-file';
import { createMockState, type MockState } from '../sessions/mock-state';
import { DEFAULT_SPEC_FILE } from '../options';
import { ListenError, listen, type RunningServer } from '../server/listen';
import { warnIfNotLoopback } from '../server/loopback';
import { startWorkers, WorkerStartError } from '../server/cluster';
import { parseCliOptions, UsageError, type CliOptions } from './cli-options';
import { USAGE } from './usage';
import { EXIT_FAILURE, stopOnSignals } from './stop-on-signals';
import { isUpstreamCommand, runUpstreamCommand } from './commands/run-upstream-command';

/** Exit code of a bad option, spec, fixture or port: the user can fix it. */
const EXIT_USAGE = 2;

async function main(): Promise<void> {
  let options: CliOptions | undefined;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
    await run(options);
  } catch (error) {
    reportFailure(error, options?.logLevel === 'debug' || options?.logLevel === 'trace');
    // A cluster worker's channel to the primary keeps it alive, so it has
    // to exit on its own for the primary to see the failure.
    if (cluster.isWorker) process.exit();
  }
}

async function run(options: CliOptions): Promise<void> {
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (options.version) {
    process.stdout.write(`${readVersion()}\n`);
    return;
  }

  if (options.workers > 1 && cluster.isPrimary) {
    const logger = createLogger(options.logLevel);
    if (options.admin) {
      logger.warn(
        { workers: options.workers },
        'each worker keeps its own armed outcomes, admin scenarios and journal, and admin requests reach any one worker: use --workers 1 for tests that arm outcomes',
      );
    }
    const pool = await startWorkers(options.workers, logger);
    warnIfNotLoopback(logger, options.host, {
      adminWithoutToken: options.admin && options.adminToken === undefined,
    });
    process.stdout.write(`listening on ${pool.url}\n`);
    stopOnSignals(pool);
    return;
  }

  const running = await start(options);
  // With --workers, the primary prints the one line for all workers.
  if (cluster.isPrimary) process.stdout.write(`listening on ${running.url}\n`);
  stopOnSignals(running);
}

async function start(options: CliOptions): Promise<RunningServer> {
  const logger = createLogger(options.logLevel);
  // The bundled spec is validated by the test suite, so only a spec the
  // user supplies pays for full validation at start-up.
  const validate = resolve(options.spec) !== resolve(DEFAULT_SPEC_FILE);
  const spec = await loadSpec(options.spec, { validate });
  const fixtures = options.fixtures
    ? loadFixtures(options.fixtures, spec.validateSuccessBody)
    : undefined;

  const state = createCliState(options, spec);
  const app = createApp({
    spec,
    fixtures,
    seed: options.seed,
    keys: options.keys,
    errorStatus: options.errorStatus,
    maxBodyBytes: options.maxBodyBytes,
    logger,
    state,
    admin: options.admin ? { token: options.adminToken } : false,
  });
  const running = await listen(app, {
    host: options.host,
    port: options.port,
    maxHeaderBytes: options.maxHeaderBytes,
  });
  // With --workers the primary warns once for all workers.
  if (!cluster.isWorker) {
    warnIfNotLoopback(logger, running.host, {
      adminWithoutToken: options.admin && options.adminToken === undefined,
    });
  }
  const file = options.scenarios;
  if (options.watch && file !== undefined) {
    const load = () => loadScenarioFile(file, { examples: spec.examples });
    const watcher = watchScenarioFile(file, load, state.setFileScenarios, logger);
    running.server.once('close', () => watcher.close());
  }
  logger.info(
    {
      url: running.url,
      spec: options.spec,
      fixtures: fixtures?.size ?? 0,
      scenarios: state.fileScenarios.scenarios.length,
      admin: options.admin,
      seed: options.seed,
    },
    'mock started',
  );
  return running;
}

function createCliState(options: CliOptions, spec: CompiledSpec): MockState {
  const context = { examples: spec.examples };
  return createMockState({
    context,
    scenarios: options.scenarios === undefined ? undefined : loadScenarioFile(options.scenarios, context),
    journalSize: options.journalSize,
    seed: options.seed,
  });
}

function readVersion(): string {
  const file = join(__dirname, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * Prints one line for a failure. Only an unexpected error at debug level
 * also prints its stack.
 */
function reportFailure(error: unknown, debug: boolean): void {
  if (error instanceof WorkerStartError) {
    process.exitCode = error.exitCode;
    return;
  }
  const isUserError =
    error instanceof UsageError ||
    error instanceof SpecError ||
    error instanceof FixtureError ||
    error instanceof ScenarioError ||
    error instanceof ListenError;
  const message = error instanceof Error ? error.message : String(error);

  process.stderr.write(`imiconnect-mock: ${message}\n`);
  if (!isUserError && debug && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  process.exitCode = isUserError ? EXIT_USAGE : EXIT_FAILURE;
}

const [command, ...commandArgs] = process.argv.slice(2);
if (isUpstreamCommand(command)) {
  void runUpstreamCommand(command, commandArgs);
} else {
  void main();
}
