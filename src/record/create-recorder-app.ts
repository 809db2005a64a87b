import express, { type Express, type Request, type Response } from 'express';
import pino, { type Logger } from 'pino';

import { handleErrors } from '../http/handle-errors';
import { ProblemError, sendProblem } from '../http/problem';
import { logRequests } from '../http/request-log';
import { DEFAULT_MAX_BODY_BYTES } from '../options';
import type { CompiledSpec } from '../spec/load-spec';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from '../upstream/forward-request';
import {
  forwardClientRequest,
  passThrough,
  type ForwardingContext,
} from '../upstream/forward-client-request';
import { readJsonBody } from '../upstream/read-json-body';
import { toUpstreamProblem, UpstreamError } from '../upstream/upstream-error';
import { describeUpstream } from '../upstream/upstream-url';
import { createRecording, type Recording } from './recording';

/** Options of `createRecorderApp`. */
export interface RecorderOptions {
  spec: CompiledSpec;
  /** Base URL of the real service. There is no default. */
  upstream: URL;
  /** Folder the fixtures are written to. */
  outDir: string;
  /** Key sent upstream instead of the client's `key` header. */
  key?: string;
  /** Keep identifiers in file names, for identifiers that are not personal. */
  keepIdentifiers?: boolean;
  /** Time allowed for one upstream exchange, in ms. Default: 10000. */
  upstreamTimeoutMs?: number;
  /** HMAC secret of the value mapping. Default: 32 random bytes. */
  secret?: Buffer;
  logger?: Logger;
}

/** The app of `record` and the recording it fills. */
export interface Recorder {
  app: Express;
  recording: Recording;
}

/** Response header that names the fixture a response was stored as. */
export const FIXTURE_HEADER = 'x-imiconnect-mock-fixture';

/** The path of the operation that the recorder forwards. */
const APP_PROFILE_PATH = /\/customerappprofile\/\{appId\}$/;

/**
 * Builds the app of `record`: it forwards each Get App Profile request of
 * the spec (the v1 and v2 paths) to the upstream, passes the response back
 * unchanged and stores each 1000 body as an anonymized fixture. Other
 * requests get a 404 problem and are never forwarded.
 *
 * @example
 * const { app } = createRecorderApp({ spec, upstream: new URL('http://127.0.0.1:8080'), outDir: 'recorded' });
 */
export function createRecorderApp(options: RecorderOptions): Recorder {
  const logger = options.logger ?? pino({ level: 'silent' });
  const recording = createRecording({
    outDir: options.outDir,
    validateSuccessBody: options.spec.validateSuccessBody,
    keepIdentifiers: options.keepIdentifiers,
    secret: options.secret,
  });
  const context = createContext(options, logger, recording);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(logRequests(logger));
  app.use(express.raw({ type: () => true, limit: DEFAULT_MAX_BODY_BYTES }));
  for (const operation of options.spec.operations) {
    if (operation.method !== 'get' || !APP_PROFILE_PATH.test(operation.path)) continue;
    // Express 5 passes a rejected promise of a handler to the error handler.
    app.get(operation.expressPath, (req, res) => recordExchange(req, res, context));
  }
  app.use(rejectOtherRequests);
  app.use(handleErrors(logger));
  return { app, recording };
}

interface RecorderContext extends ForwardingContext {
  recording: Recording;
  reportedNames: Set<string>;
}

function createContext(options: RecorderOptions, logger: Logger, recording: Recording): RecorderContext {
  return {
    target: {
      url: options.upstream,
      timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    },
    upstream: describeUpstream(options.upstream),
    key: options.key,
    logger,
    recording,
    reportedNames: new Set(),
  };
}

async function recordExchange(req: Request, res: Response, context: RecorderContext): Promise<void> {
  const response = await forwardClientRequest(req, res, context);
  if (!response) return;
  // Express routes HEAD to GET handlers, and a HEAD response has no body to store.
  if (req.method === 'HEAD') {
    passThrough(res, response);
    return;
  }

  const parsed = readJsonBody(response.headers, response.body);
  if (!parsed.ok) {
    rejectUnreadableBody(req, res, context, parsed.reason);
    return;
  }

  const appId = String(req.params.appId ?? '');
  const stored = storeBody(context, appId, readIdentifier(req), parsed.value);
  if (stored) res.set(FIXTURE_HEADER, stored);
  res.locals.outcome = `upstream:${String((parsed.value as { code?: unknown } | null)?.code)}`;
  passThrough(res, response);
}

function rejectUnreadableBody(req: Request, res: Response, context: RecorderContext, reason: string): void {
  context.logger.error({ path: req.path, upstream: context.upstream }, `upstream response not stored: ${reason}`);
  const error = new UpstreamError('invalid-response', `The upstream sent a response that is not a JSON body: ${reason}.`);
  sendProblem(res, toUpstreamProblem(error, context.upstream));
}

/** Stores the body and logs the result; returns the fixture path if stored. */
function storeBody(
  context: RecorderContext,
  appId: string,
  identifier: string,
  body: unknown,
): string | undefined {
  let result;
  try {
    result = context.recording.store(appId, identifier, body);
  } catch (error) {
    context.logger.error({ appId, err: error }, 'failed to write the fixture; the response was passed through');
    return undefined;
  }
  if (!result.stored) {
    context.logger.info({ appId }, `response passed through, not stored: ${result.reason}`);
    return undefined;
  }
  reportUnknownNames(context, result.unknownNames);
  context.logger.info({ appId, fixture: result.file }, 'stored fixture');
  return result.file;
}

/** Logs each unknown column or property name once, so a user can review the lists. */
function reportUnknownNames(context: RecorderContext, names: string[]): void {
  const fresh = names.filter((name) => !context.reportedNames.has(name));
  if (fresh.length === 0) return;
  fresh.forEach((name) => context.reportedNames.add(name));
  context.logger.info(
    { columns: fresh },
    'replaced the values of columns and properties that are not on the known lists',
  );
}

function readIdentifier(req: Request): string {
  const value = req.query.identifier;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function rejectOtherRequests(req: Request, res: Response): void {
  sendProblem(
    res,
    new ProblemError(
      'not-found',
      `The recorder forwards only GET .../customerappprofile/{appId} of the spec, not ${req.method} ${req.path}, and sent nothing upstream.`,
    ),
  );
}
