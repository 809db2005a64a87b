import type { Logger } from 'pino';

import { createLogger } from '../../src/http/request-log';

/** A logger at info level whose lines the test can read. */
export interface CapturedLogs {
  logger: Logger;
  lines: string[];
  /** Returns every line written so far as one string. */
  text(): string;
}

/** Creates the mock's own logger, redaction included, writing to memory. */
export function captureLogs(level = 'info'): CapturedLogs {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines, text: () => lines.join('') };
}
