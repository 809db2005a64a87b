import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';

import {
  AppProfileApiError,
  createAppProfileClient,
  readAttribute,
  readLinkedCustomers,
  findColumn,
  type AppProfileClient,
} from '../../../src/client';
import {
  ACCEPTED_KEY,
  APP_ID,
  CONSUMER_NAME,
  PACT_FILE,
  PROVIDER_NAME,
  REJECTED_KEY,
  STATES,
  USERS,
} from '../support/contract-terms';
import {
  JSON_CONTENT_TYPE,
  anyRecord,
  atLeastLike,
  eachLike,
  errorBody,
  linkedRecord,
  successBody,
  unlinkedRecord,
} from '../support/response-matchers';

const PROFILE_PATH = `/resources/v2/customerappprofile/${APP_ID}`;

// Each run writes into a fresh folder and replaces the committed pact file
// at the end, so interactions removed from this file never linger in it.
// Only a run in which every interaction passed replaces it: a run filtered
// with -t, or with a failing test, would otherwise commit a partial pact.
const pactDir = mkdtempSync(join(tmpdir(), 'app-profile-pact-'));
let declaredTests = 0;
let passedTests = 0;

/** Declares a test whose success counts toward replacing the pact file. */
function contractTest(name: string, run: () => Promise<void>): void {
  declaredTests += 1;
  it(name, async () => {
    await run();
    passedTests += 1;
  });
}

const pact = new PactV4({
  consumer: CONSUMER_NAME,
  provider: PROVIDER_NAME,
  dir: pactDir,
  host: '127.0.0.1',
  logLevel: 'error',
});

afterAll(() => {
  if (passedTests !== declaredTests) {
    rmSync(pactDir, { recursive: true, force: true });
    return;
  }
  const written = join(pactDir, basename(PACT_FILE));
  const staged = `${PACT_FILE}.${process.pid}.tmp`;
  writeFileSync(staged, readFileSync(written));
  renameSync(staged, PACT_FILE);
  rmSync(pactDir, { recursive: true, force: true });
});

/**
 * Pact's mock server (pact-core 19, pact-js 16.3 and later) can record a
 * matched request only after its response has reached the client. Under CPU
 * load, executeTest then sometimes reports the request as expected but not
 * received (pact-foundation/pact-reference#535). Waiting briefly after each
 * response lets the record land; a request that never arrived still fails.
 */
const MATCH_RECORD_WAIT_MS = 100;

async function fetchThenWait(input: string | URL | Request, init?: RequestInit) {
  const response = await fetch(input, init);
  const body = await response.arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, MATCH_RECORD_WAIT_MS));
  return new Response(body, response);
}

function clientFor(baseUrl: string, key?: string): AppProfileClient {
  return createAppProfileClient({ baseUrl, key, timeoutMs: 5_000, fetch: fetchThenWait });
}

async function catchApiError(promise: Promise<unknown>): Promise<AppProfileApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppProfileApiError) return error;
    throw error;
  }
  throw new Error('Expected an AppProfileApiError, but the call succeeded.');
}

function userState(state: string, identifier: string) {
  return pact.addInteraction().given(state, { appId: APP_ID, identifier });
}

describe('Get App Profile consumer', () => {
  contractTest('reads a user linked to a customer profile', async () => {
    await userState(STATES.linkedUser, USERS.linked)
      .uponReceiving('a request for the app profile of a linked user')
      .withRequest('GET', PROFILE_PATH, (builder) => {
        builder.query({ identifier: USERS.linked }).headers({ key: ACCEPTED_KEY });
      })
      .willRespondWith(200, (builder) => {
        builder
          .headers({ 'Content-Type': JSON_CONTENT_TYPE })
          .jsonBody(successBody(eachLike(linkedRecord(USERS.linked))));
      })
      .executeTest(async (server) => {
        const profile = await clientFor(server.url, ACCEPTED_KEY).getAppProfile(APP_ID, USERS.linked);
        const [record] = profile.records;
        const [customer] = readLinkedCustomers(record!);

        expect(profile.records).toHaveLength(1);
        expect(readAttribute(record!, 'userId')).toBe(USERS.linked);
        expect(readAttribute(record!, 'os')).toBe('Android');
        expect(findColumn(customer!, 'email')?.Value).toBe('user171@example.com');
      });
  });

  contractTest('reads a device with empty OutwardLinks', async () => {
    await userState(STATES.unlinkedUser, USERS.unlinked)
      .uponReceiving('a request for the app profile of an unlinked user')
      .withRequest('GET', PROFILE_PATH, (builder) => {
        builder.query({ identifier: USERS.unlinked }).headers({ key: ACCEPTED_KEY });
      })
      .willRespondWith(200, (builder) => {
        builder
          .headers({ 'Content-Type': JSON_CONTENT_TYPE })
          .jsonBody(successBody(eachLike(unlinkedRecord(USERS.unlinked))));
      })
      .executeTest(async (server) => {
        const profile = await clientFor(server.url, ACCEPTED_KEY).getAppProfile(APP_ID, USERS.unlinked);

        expect(profile.records).toHaveLength(1);
        expect(readLinkedCustomers(profile.records[0]!)).toEqual([]);
        expect(readAttribute(profile.records[0]!, 'deviceId')).toBe('d9c7a71a43904f21');
      });
  });

  contractTest('reads a user with several devices', async () => {
    await userState(STATES.severalDevices, USERS.severalDevices)
      .uponReceiving('a request for the app profile of a user with several devices')
      .withRequest('GET', PROFILE_PATH, (builder) => {
        builder.query({ identifier: USERS.severalDevices }).headers({ key: ACCEPTED_KEY });
      })
      .willRespondWith(200, (builder) => {
        builder
          .headers({ 'Content-Type': JSON_CONTENT_TYPE })
          .jsonBody(successBody(atLeastLike(anyRecord(USERS.severalDevices), 2, 3)));
      })
      .executeTest(async (server) => {
        const profile = await clientFor(server.url, ACCEPTED_KEY).getAppProfile(APP_ID, USERS.severalDevices);
        const deviceIds = profile.records.map((record) => readAttribute(record, 'deviceId'));

        expect(profile.records).toHaveLength(3);
        expect(deviceIds).toEqual(['d9c7a71a43904f21', 'd9c7a71a43904f21', 'd9c7a71a43904f21']);
      });
  });

  contractTest('throws 7001 when key is missing', async () => {
    await pact
      .addInteraction()
      .given(STATES.anyUser, { appId: APP_ID, identifier: USERS.linked })
      .uponReceiving('a request without a key')
      .withRequest('GET', PROFILE_PATH, (builder) => {
        builder.query({ identifier: USERS.linked });
      })
      .willRespondWith(MatchersV3.matchStatus(200, [200, 401]), (builder) => {
        builder
          .headers({ 'Content-Type': JSON_CONTENT_TYPE })
          .jsonBody(errorBody('7001', 'Authentication failed'));
      })
      .executeTest(async (server) => {
        const error = await catchApiError(clientFor(server.url).getAppProfile(APP_ID, USERS.linked));

        expect(error.code).toBe('7001');
        expect(error.httpStatus).toBe(200);
      });
  });

  contractTest('throws 7001 when key is rejected', async () => {
    await pact
      .addInteraction()
      .given(STATES.rejectedKey, { key: REJECTED_KEY })
      .uponReceiving('a request with a key that is not accepted')
      .withRequest('GET', PROFILE_PATH, (builder) => {
        builder.query({ identifier: USERS.linked }).headers({ key: REJECTED_KEY });
      })
      .willRespondWith(MatchersV3.matchStatus(200, [200, 401]), (builder) => {
        builder
          .headers({ 'Content-Type': JSON_CONTENT_TYPE })
          .jsonBody(errorBody('7001', 'Authentication failed'));
      })
      .executeTest(async (server) => {
        const error = await catchApiError(
          clientFor(server.url, REJECTED_KEY).getAppProfile(APP_ID, USERS.linked),
        );

        expect(error.code).toBe('7001');
        expect(error.description).toBe('Authentication failed');
      });
  });

  contractTest('throws 7003 when identifier is missing', async () => {
    await pact
      .addInteraction()
      .given(STATES.anyUser, { appId: APP_ID, identifier: USERS.linked })
      .uponReceiving('a request without an identifier')
      .withRequest('GET', PROFILE_PATH, (builder) => {
        builder.headers({ key: ACCEPTED_KEY });
      })
      .willRespondWith(MatchersV3.matchStatus(200, [200, 400]), (builder) => {
        builder
          .headers({ 'Content-Type': JSON_CONTENT_TYPE })
          .jsonBody(errorBody('7003', 'Mandatory parameters missing'));
      })
      .executeTest(async (server) => {
        const error = await catchApiError(clientFor(server.url, ACCEPTED_KEY).getAppProfile(APP_ID, ''));

        expect(error.code).toBe('7003');
        expect(error.transid).toBe('3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f');
      });
  });
});
