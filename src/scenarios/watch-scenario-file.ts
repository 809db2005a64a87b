import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from 'pino';

import type { CompiledScenarios } from './compile-scenarios';

/** A running watch of a scenario file. */
export interface ScenarioWatcher {
  close(): void;
}

/** Milliseconds to wait for more change events, as editors save in several writes. */
const SETTLE_MS = 50;

/**
 * Reloads a scenario file whenever it changes and hands each good version
 * to `apply`. An invalid version is logged and skipped, so the mock keeps
 * serving the last good one. The folder is watched rather than the file,
 * because editors that save by renaming a new file over the old one would
 * end a watch on the file itself.
 *
 * @example
 * const watcher = watchScenarioFile(file, () => loadScenarioFile(file, context), state.setFileScenarios, logger);
 * watcher.close();
 */
export function watchScenarioFile(
  file: string,
  load: () => CompiledScenarios,
  apply: (scenarios: CompiledScenarios) => void,
  logger: Logger,
): ScenarioWatcher {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    try {
      const scenarios = load();
      apply(scenarios);
      logger.info(
        { file, scenarios: scenarios.scenarios.length },
        'scenario file reloaded',
      );
    } catch (error) {
      logger.error(
        { file, reason: (error as Error).message },
        'scenario file rejected; keeping the last good version',
      );
    }
  };

  const watcher: FSWatcher = watch(dirname(file), (_event, name) => {
    if (name !== null && name !== basename(file)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, SETTLE_MS);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
