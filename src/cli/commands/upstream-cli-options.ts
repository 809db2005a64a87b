import { parseArgs } from 'node:util';

import { DEFAULT_SPEC_FILE } from '../../options';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from '../../upstream/forward-request';
import { parseUpstreamUrl, UpstreamUrlError } from '../../upstream/upstream-url';
import { ENV_PREFIX, toInteger, toLogLevel, UsageError, type Setting } from '../cli-options';

/** The subcommands that talk to a real service. */
export const UPSTREAM_COMMANDS = ['record', 'proxy'] as const;

export type UpstreamCommand = (typeof UPSTREAM_COMMANDS)[number];

/** The settings of one run of `record` or `proxy`. */
export interface UpstreamCliOptions {
  command: UpstreamCommand;
  host: string;
  port: number;
  spec: string;
  logLevel: string;
  /** Undefined only together with `help`. */
  upstream: URL | undefined;
  upstreamTimeoutMs: number;
  /** `record` only: the fixtures folder. Undefined only together with `help`. */
  out: string | undefined;
  /** `record` only: the key sent upstream in place of the client's. */
  key: string | undefined;
  keepIdentifiers: boolean;
  help: boolean;
}

/** Environment variable of the key that `record` sends upstream. */
export const UPSTREAM_KEY_VARIABLE = `${ENV_PREFIX}UPSTREAM_KEY`;

const COMMON_FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  spec: { type: 'string' },
  'log-level': { type: 'string' },
  upstream: { type: 'string' },
  'upstream-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const RECORD_FLAGS = {
  ...COMMON_FLAGS,
  out: { type: 'string' },
  key: { type: 'string' },
  'keep-identifiers': { type: 'boolean' },
} as const;

type Values = Partial<Record<keyof typeof RECORD_FLAGS, string | boolean>>;

/**
 * Reads the options of `record` or `proxy` from the command line, then the
 * IMICONNECT_MOCK_* environment variables, then the defaults. `--upstream`
 * is read from the command line only, so that no environment left over
 * from another shell can send requests to a service.
 *
 * @example
 * parseUpstreamCliOptions('proxy', ['--upstream', 'http://127.0.0.1:8080'], {});
 */
export function parseUpstreamCliOptions(
  command: UpstreamCommand,
  argv: string[],
  env: NodeJS.ProcessEnv,
): UpstreamCliOptions {
  const values = parseFlags(command, argv);
  const read = (flag: keyof typeof COMMON_FLAGS | 'out') => readSetting(flag, values, env);
  const help = values.help === true;

  return {
    command,
    host: read('host')?.value ?? '127.0.0.1',
    port: toInteger(read('port'), 0, 65_535) ?? 4020,
    spec: read('spec')?.value ?? DEFAULT_SPEC_FILE,
    logLevel: toLogLevel(read('log-level')),
    upstream: help ? undefined : toUpstream(command, values.upstream),
    upstreamTimeoutMs: toInteger(read('upstream-timeout'), 1, 600_000) ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    out: help || command !== 'record' ? undefined : toOut(read('out')),
    key: command === 'record' ? readKey(values, env) : undefined,
    keepIdentifiers: values['keep-identifiers'] === true,
    help,
  };
}

function parseFlags(command: UpstreamCommand, argv: string[]): Values {
  const options = command === 'record' ? RECORD_FLAGS : COMMON_FLAGS;
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new UsageError(`${reason} Run imiconnect-mock ${command} --help for the options.`);
  }
}

function readSetting(flag: string, values: Values, env: NodeJS.ProcessEnv): Setting | undefined {
  const flagValue = values[flag as keyof Values];
  if (typeof flagValue === 'string') return { value: flagValue, source: `--${flag}` };
  const name = ENV_PREFIX + flag.toUpperCase().replace(/-/g, '_');
  const envValue = env[name];
  // An empty variable counts as unset, as shells often export empty values.
  if (envValue === undefined || envValue === '') return undefined;
  return { value: envValue, source: name };
}

function toUpstream(command: UpstreamCommand, value: string | boolean | undefined): URL {
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(
      `Missing --upstream: ${command} needs the base URL of the real service, such as --upstream https://api.us.webexconnect.io. There is no default.`,
    );
  }
  try {
    return parseUpstreamUrl(value);
  } catch (error) {
    if (error instanceof UpstreamUrlError) throw new UsageError(error.message);
    throw error;
  }
}

function toOut(setting: Setting | undefined): string {
  if (setting !== undefined) return setting.value;
  throw new UsageError(
    'Missing --out: record needs the folder to write fixtures to, such as --out fixtures/recorded.',
  );
}

function readKey(values: Values, env: NodeJS.ProcessEnv): string | undefined {
  if (typeof values.key === 'string') return checkKey(values.key, '--key');
  const envValue = env[UPSTREAM_KEY_VARIABLE];
  return envValue === undefined || envValue === '' ? undefined : checkKey(envValue, UPSTREAM_KEY_VARIABLE);
}

/** Rejects a key that would be an invalid header value, without echoing it. */
function checkKey(key: string, source: string): string {
  if (key.trim() !== '' && !/[^\t\x20-\x7e]/.test(key)) return key;
  throw new UsageError(
    `Invalid ${source}: the key is empty or contains characters a header cannot carry. Pass the Client Profile Key as printed by the service.`,
  );
}

