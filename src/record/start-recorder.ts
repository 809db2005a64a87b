import { mkdirSync } from 'node:fs';
import pino from 'pino';

import { listen, type RunningServer } from '../server/listen';
import type { ListenAddress } from '../server/listen-address';
import { describeUpstream } from '../upstream/upstream-url';
import { createRecorderApp, type RecorderOptions } from './create-recorder-app';
import type { RecordingSummary } from './recording';

/** A recorder listening on a socket. */
export interface RunningRecorder extends RunningServer {
  /** Counts of what was recorded so far. */
  summarize(): RecordingSummary;
}

/** A fixtures folder that the recorder cannot write to. */
export class RecordOutputError extends Error {
  override name = 'RecordOutputError';
}

/**
 * Creates the output folder, starts the recorder on host and port, and
 * logs the counts of the recording when it closes.
 *
 * @example
 * const recorder = await startRecorder({ spec, upstream, outDir: 'recorded', host: '127.0.0.1', port: 0 });
 * await recorder.close();
 */
export async function startRecorder(
  options: RecorderOptions & ListenAddress,
): Promise<RunningRecorder> {
  createOutputFolder(options.outDir);
  const logger = options.logger ?? pino({ level: 'silent' });
  const { app, recording } = createRecorderApp({ ...options, logger });
  const running = await listen(app, { host: options.host, port: options.port });
  logger.info(
    { url: running.url, upstream: describeUpstream(options.upstream), out: options.outDir },
    'recorder started',
  );

  return {
    ...running,
    summarize: () => recording.summarize(),
    close: async () => {
      await running.close();
      logger.info(recording.summarize(), 'recording finished');
    },
  };
}

function createOutputFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new RecordOutputError(
      `Failed to create the fixtures folder ${dir} (${code}): pass a writable folder to --out.`,
    );
  }
}
