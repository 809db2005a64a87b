/** One request as the journal stores it. The `key` header value is never stored. */
export interface JournalEntry {
  /** Position in the session, from 1. */
  id: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  appId: string | undefined;
  identifier: string | undefined;
  /** Request headers without credentials; see CREDENTIAL_HEADERS. */
  headers: Record<string, string | string[] | undefined>;
  /** Whether a `key` header was sent; its value is not kept. */
  keySent: boolean;
  outcome: {
    source: string;
    reason: string;
    code: string | undefined;
    example: string | undefined;
    status: number | undefined;
    delayMs: number;
    fault: string | undefined;
  };
}

export interface JournalFilter {
  appId?: string;
  identifier?: string;
  /** Most recent entries to return. */
  limit?: number;
}

/** A bounded list of the most recent requests. */
export interface Journal {
  add(entry: Omit<JournalEntry, 'id'>): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  readonly size: number;
}

export const DEFAULT_JOURNAL_SIZE = 1000;

/** Header names whose values never enter the journal, in Node's lower case. */
export const CREDENTIAL_HEADERS = new Set([
  'key',
  'secretkey',
  'authorization',
  'cookie',
  'proxy-authorization',
  'x-api-key',
  'x-admin-token',
]);

/**
 * Creates a journal that keeps the last `capacity` entries in a ring, so
 * adding is constant time however long the mock runs.
 *
 * @example
 * const journal = createJournal(1000);
 * journal.list({ identifier: 'user-1', limit: 10 });
 */
export function createJournal(capacity = DEFAULT_JOURNAL_SIZE): Journal {
  const ring: JournalEntry[] = [];
  let next = 0;
  let count = 0;

  return {
    add(entry) {
      count += 1;
      ring[next] = { id: count, ...entry };
      next = (next + 1) % capacity;
    },
    list(filter = {}) {
      const ordered = [...ring.slice(next), ...ring.slice(0, next)];
      const matching = ordered.filter((entry) => matchesFilter(entry, filter));
      return filter.limit === undefined
        ? matching
        : matching.slice(-filter.limit);
    },
    clear() {
      ring.length = 0;
      next = 0;
    },
    get size() {
      return ring.length;
    },
  };
}

/**
 * Characters of header or query text one journal entry keeps, names and
 * values together. Later values are cut, so a request with 16 KiB of
 * headers costs the journal about 2 KiB, not 16.
 */
export const MAX_ENTRY_TEXT_CHARS = 2048;

const CUT_MARK = '...[cut]';

/** Copies headers without the credential headers, cut to MAX_ENTRY_TEXT_CHARS. */
export function withoutCredentials(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[] | undefined> {
  const kept: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADERS.has(name)) kept[name] = value;
  }
  return limitText(kept);
}

/**
 * Cuts the values of a header or query record so that names and values
 * together stay within MAX_ENTRY_TEXT_CHARS.
 */
export function limitText(
  record: Record<string, string | string[] | undefined>,
): Record<string, string | string[] | undefined> {
  let budget = MAX_ENTRY_TEXT_CHARS;
  const limited: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(record)) {
    if (budget <= name.length) break;
    budget -= name.length;
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    if (text.length <= budget) {
      limited[name] = value;
      budget -= text.length;
      continue;
    }
    limited[name] = `${text.slice(0, budget)}${CUT_MARK}`;
    break;
  }
  return limited;
}

function matchesFilter(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.appId !== undefined && entry.appId !== filter.appId) return false;
  return (
    filter.identifier === undefined || entry.identifier === filter.identifier
  );
}
