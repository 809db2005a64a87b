import type { Request, Response } from 'express';

import { sentStatus } from '../faults/apply-fault';
import { parseControls, type Query } from '../controls/parse-controls';
import { CREDENTIAL_HEADERS, limitText, withoutCredentials } from '../journal/journal';
import { chooseOutcome } from '../outcome/choose-outcome';
import type { KeyPolicy, RequestParts } from '../outcome/natural-checks';
import type { Outcome } from '../outcome/outcome';
import type { MockOptions } from '../options';
import type { MockState, Session } from '../sessions/mock-state';
import { readSessionId } from '../sessions/read-session-id';
import type { CompiledOperation } from '../spec/compile-operation';
import type { PreparedResponse, Responder } from './app-profile-responder';
import { sendOutcome } from './send-outcome';

/** Shared dependencies of every request, built once in createApp. */
export interface RequestContext {
  options: MockOptions;
  state: MockState;
  respond: Responder;
  keyPolicy: KeyPolicy;
  seed: number;
}

/**
 * Runs the pipeline for one request of an operation: controls, session,
 * outcome, body, journal, then the send step with its delay or fault.
 */
export function handleMockRequest(
  req: Request,
  res: Response,
  operation: CompiledOperation,
  context: RequestContext,
): void {
  const { controls, query } = parseControls(
    req.headers,
    req.query as Query,
    context.options.spec,
  );
  const session = context.state.getSession(readSessionId(req.headers));
  const request: RequestParts = {
    headers: req.headers,
    query,
    pathParams: req.params as Record<string, string>,
    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };

  const { keyPolicy, state } = context;
  const outcome = chooseOutcome({
    controls,
    request,
    operation,
    keyPolicy,
    state,
    session,
  });
  const prepared = context.respond(outcome, controls.seed ?? context.seed);

  recordRequest(session, req, operation, request, outcome, prepared);
  res.locals.outcome = prepared.code;
  res.locals.fault = outcome.fault;
  sendOutcome(res, outcome, prepared);
}

function recordRequest(
  session: Session,
  req: Request,
  operation: CompiledOperation,
  request: RequestParts,
  outcome: Outcome,
  prepared: PreparedResponse,
): void {
  const { response, fault } = outcome;
  const identifier = request.query.identifier;
  session.journal.add({
    time: new Date().toISOString(),
    method: req.method,
    path: req.path,
    query: withoutQueryCredentials(req.query as Query, operation),
    appId: request.pathParams.appId,
    identifier: Array.isArray(identifier) ? identifier[0] : identifier,
    headers: withoutCredentials(req.headers),
    keySent: req.headers.key !== undefined,
    outcome: {
      source: outcome.source,
      reason: outcome.reason,
      code: prepared.code,
      example: response.kind === 'example' ? response.name : undefined,
      status: sentStatus(fault, prepared.status),
      delayMs: outcome.delayMs,
      fault,
    },
  });
}

/**
 * Tells whether a query parameter names a credential, also in the bracket
 * and dot forms of nested query syntax (`key[]`, `key.x`) and with spaces.
 */
function isCredentialName(name: string): boolean {
  const base = name.trim().toLowerCase().split(/[[.]/)[0] ?? '';
  return CREDENTIAL_HEADERS.has(base);
}

/**
 * Copies the query without credentials: those the operation's security
 * schemes read from it, and any parameter named like a credential header
 * (`key=`), so a key sent in the query never enters the journal either.
 */
function withoutQueryCredentials(
  query: Query,
  operation: CompiledOperation,
): Query {
  const kept: Query = { ...query };
  for (const credential of operation.security.flat()) {
    if (credential.in === 'query') delete kept[credential.name];
  }
  for (const name of Object.keys(kept)) {
    if (isCredentialName(name)) delete kept[name];
  }
  return limitText(kept);
}
