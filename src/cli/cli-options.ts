import { parseArgs } from 'node:util';

import {
  ERROR_STATUS_POLICIES,
  type ErrorStatusPolicy,
} from '../envelope/vendor-codes';
import { DEFAULT_JOURNAL_SIZE } from '../journal/journal';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_SEED, DEFAULT_SPEC_FILE } from '../options';
import { DEFAULT_MAX_HEADER_BYTES } from '../server/listen';

/** The settings of one run of the command line. */
export interface CliOptions {
  host: string;
  port: number;
  seed: number;
  spec: string;
  fixtures: string | undefined;
  keys: string[] | undefined;
  errorStatus: ErrorStatusPolicy;
  maxBodyBytes: number;
  maxHeaderBytes: number;
  workers: number;
  logLevel: string;
  scenarios: string | undefined;
  watch: boolean;
  admin: boolean;
  adminToken: string | undefined;
  journalSize: number;
  help: boolean;
  version: boolean;
}

/** A command line or environment value that cannot be used. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The prefix of the environment variables, as in IMICONNECT_MOCK_PORT. */
export const ENV_PREFIX = 'IMICONNECT_MOCK_';

const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  seed: { type: 'string' },
  spec: { type: 'string' },
  fixtures: { type: 'string' },
  keys: { type: 'string' },
  'error-status': { type: 'string' },
  'max-body': { type: 'string' },
  'max-header-bytes': { type: 'string' },
  workers: { type: 'string' },
  'log-level': { type: 'string' },
  scenarios: { type: 'string' },
  'admin-token': { type: 'string' },
  'journal-size': { type: 'string' },
  watch: { type: 'boolean' },
  admin: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type SwitchFlag = 'help' | 'version' | 'watch' | 'admin';
type ValueFlag = Exclude<keyof typeof FLAGS, SwitchFlag>;

/**
 * Reads the options from the command line, then the IMICONNECT_MOCK_*
 * environment variables, then the defaults, in that order of precedence.
 * Throws a UsageError naming the flag or variable and the accepted values.
 */
export function parseCliOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
): CliOptions {
  const values = parseFlags(argv);
  const read = (flag: ValueFlag) => readSetting(flag, values[flag], env);

  const options = {
    host: read('host')?.value ?? '127.0.0.1',
    port: toInteger(read('port'), 0, 65_535) ?? 4020,
    seed: toInteger(read('seed'), 0, 2 ** 32 - 1) ?? DEFAULT_SEED,
    spec: read('spec')?.value ?? DEFAULT_SPEC_FILE,
    fixtures: read('fixtures')?.value,
    keys: toKeyList(read('keys')),
    errorStatus: toErrorStatus(read('error-status')),
    maxBodyBytes: toInteger(read('max-body'), 1, 2 ** 30) ?? DEFAULT_MAX_BODY_BYTES,
    maxHeaderBytes:
      toInteger(read('max-header-bytes'), 1024, 2 ** 20) ?? DEFAULT_MAX_HEADER_BYTES,
    workers: toInteger(read('workers'), 1, 64) ?? 1,
    logLevel: toLogLevel(read('log-level')),
    scenarios: read('scenarios')?.value,
    watch: toBoolean(readSwitch('watch', values.watch, env)) ?? false,
    admin: toBoolean(readSwitch('admin', values.admin, env)) ?? true,
    adminToken: read('admin-token')?.value,
    journalSize: toInteger(read('journal-size'), 1, 1_000_000) ?? DEFAULT_JOURNAL_SIZE,
    help: values.help === true,
    version: values.version === true,
  };
  if (options.watch && options.scenarios === undefined) {
    throw new UsageError('--watch needs a scenario file to watch: add --scenarios FILE, or drop --watch.');
  }
  return options;
}

function parseFlags(argv: string[]) {
  try {
    // allowNegative turns --no-admin into admin: false.
    return parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false, allowNegative: true }).values;
  } catch (error) {
    // Node's messages span lines; the CLI reports every error on one line.
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ').replace(/\.?$/, '.');
    throw new UsageError(`${message} Run imiconnect-mock --help for the options.`);
  }
}

/** A setting with the name of the flag or variable it came from. */
export interface Setting {
  value: string;
  source: string;
}

function readSetting(
  flag: keyof typeof FLAGS,
  flagValue: string | undefined,
  env: NodeJS.ProcessEnv,
): Setting | undefined {
  if (flagValue !== undefined) {
    // An empty flag is most often an unset shell variable; taken as given,
    // `--host ''` would listen on every interface.
    if (flagValue.trim() === '') {
      throw new UsageError(`Invalid --${flag} "${flagValue}": give a value, or leave the flag out for its default.`);
    }
    return { value: flagValue, source: `--${flag}` };
  }
  const name = ENV_PREFIX + flag.toUpperCase().replace(/-/g, '_');
  const envValue = env[name];
  // An empty variable counts as unset, as shells often export empty values.
  if (envValue === undefined || envValue === '') return undefined;
  return { value: envValue, source: name };
}

/** Reads an on/off flag, or its variable as true, false, 1 or 0. */
function readSwitch(
  flag: 'watch' | 'admin',
  flagValue: boolean | undefined,
  env: NodeJS.ProcessEnv,
): Setting | undefined {
  if (flagValue !== undefined) return { value: String(flagValue), source: `--${flag}` };
  return readSetting(flag, undefined, env);
}

function toBoolean(setting: Setting | undefined): boolean | undefined {
  if (setting === undefined) return undefined;
  if (['true', '1'].includes(setting.value)) return true;
  if (['false', '0'].includes(setting.value)) return false;
  throw new UsageError(`Invalid ${setting.source} "${setting.value}": use true or false.`);
}

/** Parses a whole number within [min, max], or throws a UsageError naming the setting. */
export function toInteger(setting: Setting | undefined, min: number, max: number): number | undefined {
  if (setting === undefined) return undefined;
  const number = /^\d+$/.test(setting.value) ? Number(setting.value) : Number.NaN;
  if (number >= min && number <= max) return number;
  throw new UsageError(
    `Invalid ${setting.source} "${setting.value}": use an integer from ${min} to ${max}.`,
  );
}

function toKeyList(setting: Setting | undefined): string[] | undefined {
  if (setting === undefined) return undefined;
  const keys = setting.value.split(',').map((key) => key.trim()).filter(Boolean);
  if (keys.length > 0) return keys;
  throw new UsageError(
    `Invalid ${setting.source} "${setting.value}": list one or more keys separated by commas, or leave it unset to accept any key.`,
  );
}

function toErrorStatus(setting: Setting | undefined): ErrorStatusPolicy {
  if (setting === undefined) return '200';
  const policy = ERROR_STATUS_POLICIES.find((name) => name === setting.value);
  if (policy) return policy;
  throw new UsageError(
    `Invalid ${setting.source} "${setting.value}": use ${ERROR_STATUS_POLICIES.join(' or ')}.`,
  );
}

/** Parses a pino log level, `info` when unset. */
export function toLogLevel(setting: Setting | undefined): string {
  if (setting === undefined) return 'info';
  if (LOG_LEVELS.includes(setting.value)) return setting.value;
  throw new UsageError(
    `Invalid ${setting.source} "${setting.value}": use one of ${LOG_LEVELS.join(', ')}.`,
  );
}
