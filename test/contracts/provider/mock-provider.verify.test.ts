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

/** Wraps the mock so that every JSON body has `Attributes` renamed, as a drifted provider would. */
function renameAttributes(mock: Express): Express {
  const broken = express();
  broken.use((_req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => json(JSON.parse(JSON.stringify(body).replaceAll('"Attributes":', '"Attribute":')));
    next();
  });
  broken.use(mock);
  return broken;
}

describe('mock as provider', () => {
  it.each<ErrorStatusPolicy>(['200', '4xx'])('verifies the contract under error status %s', async (policy) => {
    const providerBaseUrl = await serve(await startMock(policy));

    const output = await verifyContracts({ providerBaseUrl, ...createMockStates() });

    expect(typeof output).toBe('string');
  });

  it('fails against a renamed field', async () => {
    const providerBaseUrl = await serve(renameAttributes(await startMock('200')));

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
