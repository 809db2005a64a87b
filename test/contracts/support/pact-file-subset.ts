import { readFileSync, writeFileSync } from 'node:fs';

interface PactFile {
  interactions: Array<{ description: string }>;
}

/**
 * Writes a copy of a pact file that keeps only the interactions for which
 * `keep` returns true, and returns the descriptions it kept.
 *
 * @example
 * writePactSubset(PACT_FILE, '/tmp/subset.json', (d) => d !== 'a request without a key');
 */
export function writePactSubset(
  source: string,
  target: string,
  keep: (description: string) => boolean,
): string[] {
  const pact = JSON.parse(readFileSync(source, 'utf8')) as PactFile;
  pact.interactions = pact.interactions.filter(({ description }) => keep(description));
  writeFileSync(target, JSON.stringify(pact, null, 2));
  return pact.interactions.map(({ description }) => description);
}
