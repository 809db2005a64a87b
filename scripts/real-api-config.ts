/** Settings that `npm run verify:real` needs to reach the real service. */
export interface RealApiConfig {
  baseUrl: string;
  key: string;
  /** Replaces the contract's appId; without it the contract's own id is sent. */
  appId: string | undefined;
  /** Real identifiers for the user states, by provider state name. */
  users: Record<string, string>;
}

/** The environment variables of each user state. */
export const USER_VARIABLES = {
  linked: 'IMICONNECT_LINKED_USER',
  unlinked: 'IMICONNECT_UNLINKED_USER',
  severalDevices: 'IMICONNECT_SEVERAL_DEVICES_USER',
} as const;

/** A missing or invalid setting; the message names the variable to set. */
export class RealApiConfigError extends Error {
  override name = 'RealApiConfigError';
}

/**
 * Reads the real API settings from the environment and throws a
 * RealApiConfigError, before anything is sent, when one is missing.
 *
 * @example
 * const config = readRealApiConfig(process.env, STATES);
 */
export function readRealApiConfig(
  env: NodeJS.ProcessEnv,
  userStates: Record<keyof typeof USER_VARIABLES, string>,
): RealApiConfig {
  const missing = ['IMICONNECT_BASE_URL', 'IMICONNECT_PROFILE_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new RealApiConfigError(
      `Missing ${missing.join(' and ')}: set IMICONNECT_BASE_URL to the API host of the tenant (such as https://api.eu.webexconnect.io) and IMICONNECT_PROFILE_KEY to its Client Profile Key. Nothing was sent.`,
    );
  }
  const baseUrl = env.IMICONNECT_BASE_URL!;
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new RealApiConfigError(
      `Invalid IMICONNECT_BASE_URL "${baseUrl}": use an absolute URL such as https://api.eu.webexconnect.io. Nothing was sent.`,
    );
  }

  const users: Record<string, string> = {};
  for (const [name, variable] of Object.entries(USER_VARIABLES)) {
    const value = env[variable];
    if (value) users[userStates[name as keyof typeof USER_VARIABLES]] = value;
  }
  return { baseUrl, key: env.IMICONNECT_PROFILE_KEY!, appId: env.IMICONNECT_APP_ID || undefined, users };
}
