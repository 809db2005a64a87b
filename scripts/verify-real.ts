/**
 * Verifies the committed contracts against the real Get App Profile API.
 * Settings come from the environment (see docs/contracts.md); without the
 * base URL and key it exits with code 2 before sending anything.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';

import { PACT_FILE, REJECTED_KEY, STATES } from '../test/contracts/support/contract-terms';
import { writePactSubset } from '../test/contracts/support/pact-file-subset';
import { verifyContracts, type StateHandlers } from '../test/contracts/support/verify-contracts';
import { readRealApiConfig, RealApiConfigError, type RealApiConfig } from './real-api-config';

const EXIT_USAGE = 2;

const USER_STATES = {
  linked: STATES.linkedUser,
  unlinked: STATES.unlinkedUser,
  severalDevices: STATES.severalDevices,
};

interface PactInteraction {
  description: string;
  providerStates?: Array<{ name: string }>;
}

async function main(): Promise<void> {
  const config = readRealApiConfig(process.env, USER_STATES);
  const scratchDir = mkdtempSync(join(tmpdir(), 'verify-real-'));
  try {
    const pactFile = join(scratchDir, 'real.json');
    const skipped = selectInteractions(config, pactFile);
    for (const line of skipped) process.stderr.write(`skipped: ${line}\n`);

    await verifyContracts({
      providerBaseUrl: config.baseUrl,
      pactFiles: [pactFile],
      ...createRealStates(config),
    });
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** Keeps the interactions whose user state has a real identifier; returns why others were left out. */
function selectInteractions(config: RealApiConfig, pactFile: string): string[] {
  const pact = JSON.parse(readFileSync(PACT_FILE, 'utf8')) as { interactions: PactInteraction[] };
  const userStates = new Set<string>(Object.values(USER_STATES));
  const skipped: string[] = [];
  const byDescription = new Map(pact.interactions.map((item) => [item.description, item]));

  writePactSubset(PACT_FILE, pactFile, (description) => {
    const state = byDescription.get(description)?.providerStates?.[0]?.name ?? '';
    if (!userStates.has(state) || config.users[state]) return true;
    skipped.push(`"${description}" needs a real user for the state "${state}"`);
    return false;
  });
  return skipped;
}

/**
 * Steers requests to real data: the real key replaces the contract's
 * accepted key (a missing or rejected key stays as it is), and the appId and
 * identifier become the tenant's.
 */
function createRealStates(config: RealApiConfig): { stateHandlers: StateHandlers; requestFilter: RequestHandler } {
  let identifier: string | undefined;
  const stateHandlers: StateHandlers = {};
  for (const state of Object.values(STATES)) {
    stateHandlers[state] = async () => {
      identifier = config.users[state];
      return undefined;
    };
  }

  const requestFilter: RequestHandler = (req, _res, next) => {
    if (req.headers.key !== undefined && req.headers.key !== REJECTED_KEY) req.headers.key = config.key;
    req.url = rewriteUrl(req.url, config.appId, identifier);
    next();
  };
  return { stateHandlers, requestFilter };
}

/** Rewrites profile requests only; the verifier's own state change calls pass unchanged. */
function rewriteUrl(url: string, appId: string | undefined, identifier: string | undefined): string {
  const parsed = new URL(url, 'http://placeholder');
  if (!parsed.pathname.includes('/customerappprofile/')) return url;
  if (appId) parsed.pathname = parsed.pathname.replace(/[^/]+$/, encodeURIComponent(appId));
  if (identifier && parsed.searchParams.has('identifier')) parsed.searchParams.set('identifier', identifier);
  return `${parsed.pathname}${parsed.search}`;
}

main().catch((error: unknown) => {
  if (error instanceof RealApiConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_USAGE);
  }
  process.stderr.write(`Verification against the real API failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
