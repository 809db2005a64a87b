import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/** The URL the workers listen on, once all of them do. */
export interface WorkerPool {
  url: string;
  /** Stops every worker and resolves when all have exited. */
  close(): Promise<void>;
}

/**
 * Forks `count` copies of this process with node:cluster and resolves when
 * every one of them listens. Workers share one port, and the primary hands
 * out connections round-robin. Each worker has its own caches and state,
 * so anything a request changes is seen by that worker only. A worker that
 * dies after start-up is logged and replaced.
 *
 * @example
 * if (cluster.isPrimary) console.log((await startWorkers(2, logger)).url);
 */
export function startWorkers(count: number, logger: Logger): Promise<WorkerPool> {
  let stopping = false;
  const close = () => {
    stopping = true;
    return stopWorkers();
  };

  return new Promise((resolve, reject) => {
    let listening = 0;
    cluster.on('listening', (_worker: Worker, address) => {
      listening += 1;
      if (listening !== count) return;
      const host = address.address?.includes(':') ? `[${address.address}]` : address.address;
      resolve({ url: `http://${host ?? '127.0.0.1'}:${address.port}`, close });
    });
    cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
      if (stopping) return;
      if (listening < count) {
        // One worker failing to start means all would: stop the others so
        // the primary can exit with the worker's code.
        stopping = true;
        void stopWorkers().then(() => reject(new WorkerStartError(code ?? 1)));
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, 'worker exited unexpectedly, starting a new one');
      cluster.fork();
    });
    for (let index = 0; index < count; index += 1) cluster.fork();
  });
}

/** A worker that exited before it listened. The worker printed its own reason. */
export class WorkerStartError extends Error {
  override name = 'WorkerStartError';

  constructor(readonly exitCode: number) {
    super(`A worker exited with code ${exitCode} before it listened; its message is above.`);
  }
}

function stopWorkers(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) {
            resolve();
            return;
          }
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}
