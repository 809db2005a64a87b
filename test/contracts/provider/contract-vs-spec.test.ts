import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ACCEPTED_KEY, CONTRACTS_DIR, PACT_FILE } from '../support/contract-terms';
import { validateAgainstSpec } from '../support/validate-against-spec';

/**
 * Requests that the spec declares invalid on purpose, because they record
 * the service's response to a missing key (7001) and a missing identifier (7003).
 * swagger-mock-validator reports each request, and nothing else may differ.
 */
const EXPECTED_REQUEST_ERRORS = [
  { code: 'request.authorization.missing', interaction: 'a request without a key' },
  { code: 'request.query.incompatible', interaction: 'a request without an identifier' },
];

interface PactInteraction {
  description: string;
  request: { headers?: Record<string, string[]>; query?: Record<string, string[]> };
  response: { body?: { content?: Record<string, unknown> } };
}

const scratchDir = mkdtempSync(join(tmpdir(), 'contract-vs-spec-'));

afterAll(() => {
  rmSync(scratchDir, { recursive: true, force: true });
});

function writeVariant(name: string, change: (interactions: PactInteraction[]) => void): string {
  const pact = JSON.parse(readFileSync(PACT_FILE, 'utf8')) as { interactions: PactInteraction[] };
  change(pact.interactions);
  const file = join(scratchDir, `${name}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

describe('contracts against the spec', () => {
  const pactFiles = readdirSync(CONTRACTS_DIR).filter((name) => name.endsWith('.json'));

  it('finds pact files', () => {
    expect(pactFiles).toContain('app-profile-client-imiconnect-profile-api.json');
  });

  it('contains only the consumer interactions', () => {
    const pact = JSON.parse(readFileSync(PACT_FILE, 'utf8')) as { interactions: PactInteraction[] };

    expect(pact.interactions.map(({ description }) => description).sort()).toEqual([
      'a request for the app profile of a linked user',
      'a request for the app profile of a user with several devices',
      'a request for the app profile of an unlinked user',
      'a request with a key that is not accepted',
      'a request without a key',
      'a request without an identifier',
    ]);
  });

  it.each(pactFiles)('lists only the deliberate request errors in %s', async (name) => {
    const result = await validateAgainstSpec(join(CONTRACTS_DIR, name));

    expect(result.errors.map(({ code, interaction }) => ({ code, interaction }))).toEqual(
      EXPECTED_REQUEST_ERRORS,
    );
    expect(result.warnings).toEqual([]);
  });

  it('accepts every response body', async () => {
    // With the key and identifier filled in, only the responses remain to check.
    const file = writeVariant('completed-requests', (interactions) => {
      for (const { request } of interactions) {
        request.headers = { ...request.headers, key: [ACCEPTED_KEY] };
        request.query = { identifier: ['user-1'], ...request.query };
      }
    });

    const result = await validateAgainstSpec(file);

    expect(result.errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('rejects a missing required property', async () => {
    const file = writeVariant('missing-transid', (interactions) => {
      delete interactions[0]?.response.body?.content?.transid;
    });

    const result = await validateAgainstSpec(file);

    expect(result.errors.map(({ code }) => code)).toContain('response.body.incompatible');
  });

  it('rejects a numeric code', async () => {
    const file = writeVariant('numeric-code', (interactions) => {
      const content = interactions[0]?.response.body?.content;
      if (content) content.code = 1000;
    });

    const result = await validateAgainstSpec(file);

    expect(result.success).toBe(false);
  });
});
