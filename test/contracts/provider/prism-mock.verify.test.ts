import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ACCEPTED_KEY, APP_ID, PACT_FILE, USERS } from '../support/contract-terms';
import { writePactSubset } from '../support/pact-file-subset';
import { startPrism, type PrismProcess } from '../support/prism-process';
import { createPrismStates, PRISM_GAPS } from '../support/prism-states';
import { verifyContracts } from '../support/verify-contracts';

const scratchDir = mkdtempSync(join(tmpdir(), 'prism-contracts-'));
let prism: PrismProcess;

beforeAll(async () => {
  prism = await startPrism(['mock', 'spec/openapi.yaml']);
});

afterAll(async () => {
  await prism.stop();
  rmSync(scratchDir, { recursive: true, force: true });
});

describe('prism mock as provider', () => {
  it('verifies every interaction outside the gaps', async () => {
    const pactFile = join(scratchDir, 'reproducible.json');
    const keptDescriptions = writePactSubset(PACT_FILE, pactFile, (description) => !(description in PRISM_GAPS));

    await verifyContracts({ providerBaseUrl: prism.url, pactFiles: [pactFile], ...createPrismStates() });

    expect(keptDescriptions).toHaveLength(4);
  });

  it.each(Object.keys(PRISM_GAPS))('still fails on the gap "%s"', async (gap) => {
    const pactFile = join(scratchDir, `gap-${Object.keys(PRISM_GAPS).indexOf(gap)}.json`);
    writePactSubset(PACT_FILE, pactFile, (description) => description === gap);

    const failure = await verifyContracts({
      providerBaseUrl: prism.url,
      pactFiles: [pactFile],
      ...createPrismStates(),
    }).then(
      () => undefined,
      (error: Error) => error,
    );

    expect(failure?.message).not.toMatch(/unable to run|crashed/);
    expect(failure).toBeInstanceOf(Error);
  });

  it('answers a missing identifier with code 7001', async () => {
    const res = await fetch(`${prism.url}/resources/v2/customerappprofile/${APP_ID}`, {
      headers: { key: ACCEPTED_KEY },
    });
    const body = (await res.json()) as { code: string };

    expect(res.status).toBe(400);
    expect(res.headers.get('sl-violations')).toContain('identifier');
    expect(body.code).toBe('7001');
  });

  it('accepts the query twins of the mock', async () => {
    const query = `identifier=${USERS.linked}&__seed=7&__example=unlinked-device`;
    const res = await fetch(`${prism.url}/resources/v2/customerappprofile/${APP_ID}?${query}`, {
      headers: { key: ACCEPTED_KEY },
    });
    await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('sl-violations')).toBeNull();
  });
});
