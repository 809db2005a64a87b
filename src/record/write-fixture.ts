import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { fixturePath } from '../fixtures/load-fixtures';

/**
 * Writes one fixture to `<dir>/<appId>/<encodeURIComponent(identifier)>.json`,
 * the layout that `--fixtures` loads, and returns its path relative to
 * `dir`. It writes a temporary file first and renames it, so a replay that
 * starts meanwhile never reads half a file.
 *
 * @example
 * writeFixture('recorded', 'a_1', '8301', '{"code":"1000"}\n'); // 'a_1/8301.json'
 */
export function writeFixture(
  dir: string,
  appId: string,
  identifier: string,
  content: string,
): string {
  const relativePath = fixturePath(appId, identifier);
  const file = join(dir, relativePath);
  mkdirSync(dirname(file), { recursive: true });

  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
  return relativePath;
}
