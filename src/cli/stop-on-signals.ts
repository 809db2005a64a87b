/** Exit code of a failure the user cannot fix with an option. */
export const EXIT_FAILURE = 1;

/**
 * Closes the server on the first SIGINT or SIGTERM, then exits with code 0,
 * or 1 when closing fails.
 *
 * @example
 * stopOnSignals(await listen(app, { host: '127.0.0.1', port: 0 }));
 */
export function stopOnSignals(running: { close(): Promise<void> }): void {
  const stop = (signal: NodeJS.Signals) => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Failed to close the server on ${signal}: ${String(error)}\n`);
        process.exit(EXIT_FAILURE);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
