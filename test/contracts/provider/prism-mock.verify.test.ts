import { readFileSync } from 'node:fs';

import { ACCEPTED_KEY, APP_ID, PACT_FILE, USERS } from '../support/contract-terms';
import { startPrism, type PrismProcess } from '../support/prism-process';
import { createPrismStates } from '../support/prism-states';
import { verifyContracts } from '../support/verify-contracts';

let prism: PrismProcess;

function interactionCount(pactFile: string): number {
  return (JSON.parse(readFileSync(pactFile, 'utf8')) as { interactions: unknown[] }).interactions.length;
}

beforeAll(async () => {
  prism = await startPrism(['mock', 'spec/openapi.yaml']);
});

afterAll(async () => {
  await prism.stop();
});

describe('prism mock as provider', () => {
  it('verifies every interaction', async () => {
    await verifyContracts({ providerBaseUrl: prism.url, pactFiles: [PACT_FILE], ...createPrismStates() });

    expect(interactionCount(PACT_FILE)).toBe(6);
  });

  it('answers a missing identifier with code 7003', async () => {
    const res = await fetch(`${prism.url}/resources/v2/customerappprofile/${APP_ID}`, {
      headers: { key: ACCEPTED_KEY },
    });
    const body = (await res.json()) as { code: string };

    expect(res.status).toBe(400);
    expect(res.headers.get('sl-violations')).toContain('identifier');
    expect(body.code).toBe('7003');
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
