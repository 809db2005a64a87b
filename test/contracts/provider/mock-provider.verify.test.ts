import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express } from 'express';

import { createApp } from '../../../src/http/create-app';
import { listen, type RunningServer } from '../../../src/server/listen';
import type { ErrorStatusPolicy } from '../../../src/envelope/vendor-codes';
import { loadBundledSpec } from '../../helpers/mock-spec';
import { ACCEPTED_KEY, APP_ID, PACT_FILE, STATES, USERS } from '../support/contract-terms';
import { writePactSubset } from '../support/pact-file-subset';
import { createMockStates, findSeed } from '../support/mock-provider-states';
import { verifyContracts } from '../support/verify-contracts';

const running: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function startMock(errorStatus: ErrorStatusPolicy): Promise<Express> {
  const spec = await loadBundledSpec();
  return createApp({ spec, keys: [ACCEPTED_KEY], errorStatus });
}

async function serve(app: Express): Promise<string> {
  const server = await listen(app, { host: '127.0.0.1', port: 0 });
  running.push(server);
  return server.url;
}

/**
 * Builds a provider in front of the mock that renames `Attributes` in every
 * body, as a drifted provider would. It rewrites the bytes on the wire,
 * because the mock sends prebuilt JSON text.
 */
function renameAttributes(mockUrl: string): Express {
  const broken = express();
  broken.use(async (req, res) => {
    const headers: Record<string, string> = {};
    for (const name of ['key', 'prefer', 'content-type']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(`${mockUrl}${req.originalUrl}`, { headers });
    const text = (await upstream.text()).replaceAll('"Attributes":', '"Attribute":');
    res
      .status(upstream.status)
      .type(upstream.headers.get('content-type') ?? 'application/json')
      .send(text);
  });
  return broken;
}

describe('mock as provider', () => {
  it.each<ErrorStatusPolicy>(['200', '4xx'])('verifies the contract under error status %s', async (policy) => {
    const providerBaseUrl = await serve(await startMock(policy));

    const output = await verifyContracts({ providerBaseUrl, ...createMockStates() });

    expect(typeof output).toBe('string');
  });

  it('fails against a renamed field', async () => {
    const mockUrl = await serve(await startMock('200'));
    const providerBaseUrl = await serve(renameAttributes(mockUrl));

    const failure = await verifyContracts({ providerBaseUrl, ...createMockStates() }).then(
      () => undefined,
      (error: Error) => error,
    );

    // "unable to run" or "crashed" would mean a broken setup, not a mismatch.
    expect(failure).toBeInstanceOf(Error);
    expect(failure?.message).not.toMatch(/unable to run|crashed/);
  });

  it('fails when the linked user is unlinked', async () => {
    const providerBaseUrl = await serve(await startMock('200'));
    const scratchDir = mkdtempSync(join(tmpdir(), 'mock-contracts-'));
    const pactFile = join(scratchDir, 'linked.json');
    writePactSubset(PACT_FILE, pactFile, (description) => description.endsWith('a linked user'));
    const seed = findSeed(APP_ID, USERS.linked, (records) => records.every((record) => record.OutwardLinks.length === 0));

    const failure = await verifyContracts({
      providerBaseUrl,
      pactFiles: [pactFile],
      stateHandlers: { [STATES.linkedUser]: async () => undefined },
      requestFilter: (req, _res, next) => {
        req.headers.prefer = `seed=${seed}`;
        next();
      },
    }).then(
      () => undefined,
      (error: Error) => error,
    );
    rmSync(scratchDir, { recursive: true, force: true });

    expect(failure).toBeInstanceOf(Error);
    expect(failure?.message).not.toMatch(/unable to run|crashed/);
  });

  it('finds a seed for every user state', () => {
    const linked = findSeed(APP_ID, USERS.linked, (records) => records.length === 1);
    const several = findSeed(APP_ID, USERS.severalDevices, (records) => records.length >= 2);

    expect(linked).toBeGreaterThanOrEqual(1);
    expect(several).toBeGreaterThanOrEqual(1);
    expect(Object.values(STATES)).toHaveLength(5);
  });
});
