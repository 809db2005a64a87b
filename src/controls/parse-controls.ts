import type { IncomingHttpHeaders } from 'node:http';

import type { CompiledSpec } from '../spec/load-spec';
import { ProblemError } from '../http/problem';
import {
  CONTROL_NAMES,
  CONTROL_PARSERS,
  type ControlName,
  type MockControls,
} from './control-definitions';
import { parsePreferHeader } from './prefer-header';

/**
 * Preferences that RFC 7240 defines for any server. They do not concern the
 * mock, which, like the vendor, does not act on them, so they are let
 * through rather than rejected as unknown controls.
 */
export const STANDARD_PREFERENCES = new Set(['return', 'respond-async', 'handling', 'wait']);

/** The prefix of the query twins of the `Prefer` controls, as in Prism. */
export const QUERY_CONTROL_PREFIX = '__';

export type Query = Record<string, string | string[] | undefined>;

/** The controls of a request, and its query without the control keys. */
export interface ParsedControls {
  controls: MockControls;
  query: Query;
}

/**
 * Reads the mock controls of a request from its `Prefer` header and from
 * `__name` query keys. An unknown control, a malformed value or two values
 * for one control throw a ProblemError: a control is never ignored.
 */
export function parseControls(
  headers: IncomingHttpHeaders,
  query: Query,
  spec: CompiledSpec,
): ParsedControls {
  const raw = new Map<ControlName, { value: string; source: string }>();

  for (const { name, value, source } of [
    ...readPreferHeader(headers.prefer),
    ...readQueryTwins(query),
    ...readPostmanHeaders(headers),
  ]) {
    const control = toControlName(name, source);
    const known = raw.get(control);
    if (known && known.value !== value) {
      throw new ProblemError(
        'conflicting-controls',
        `Mock control ${control} is set twice, to "${known.value}" by ${known.source} and to "${value}" by ${source}: keep one.`,
        { control, values: [known.value, value] },
      );
    }
    raw.set(control, { value, source });
  }

  const controls = parseValues(raw, spec);
  checkExampleMatchesCode(controls, spec);
  return { controls, query: withoutControls(query) };
}

interface RawControl {
  name: string;
  value: string;
  source: string;
}

function readPreferHeader(header: string | string[] | undefined): RawControl[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  const { preferences, malformed } = parsePreferHeader(text);

  if (malformed.length > 0) {
    throw new ProblemError(
      'invalid-control',
      `Malformed Prefer header item "${malformed[0]}": write name=value pairs separated by commas, for example "Prefer: code=7001".`,
      { header: 'Prefer', allowed: CONTROL_NAMES },
    );
  }
  const controls = preferences.filter(({ name }) => !STANDARD_PREFERENCES.has(name));
  return controls.map(({ name, value, hasParameters }) => {
    if (hasParameters) {
      throw new ProblemError(
        'invalid-control',
        `Mock control ${name} in the Prefer header has parameters after ";": write ${name}=<value> alone, because no mock control takes parameters.`,
        { control: name },
      );
    }
    if (value === undefined || value === '') {
      throw new ProblemError(
        'invalid-control',
        `Mock control ${name} in the Prefer header has no value: write ${name}=<value>.`,
        { control: name },
      );
    }
    return { name, value, source: 'the Prefer header' };
  });
}

function readQueryTwins(query: Query): RawControl[] {
  const twins: RawControl[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith(QUERY_CONTROL_PREFIX)) continue;
    const name = key.slice(QUERY_CONTROL_PREFIX.length);
    if (Array.isArray(value) && new Set(value).size > 1) {
      throw new ProblemError(
        'conflicting-controls',
        `Query parameter ${key} is given ${value.length} different values: keep one.`,
        { control: name, values: value },
      );
    }
    const text = Array.isArray(value) ? value[0] : value;
    twins.push({ name, value: text ?? '', source: `the query parameter ${key}` });
  }
  return twins;
}

/**
 * Postman's mock servers pick a saved response by these headers; reading
 * them lets collections written for Postman run against this mock.
 */
const POSTMAN_HEADERS = {
  'x-mock-response-name': 'example',
  'x-mock-response-code': 'code',
} as const;

function readPostmanHeaders(headers: IncomingHttpHeaders): RawControl[] {
  const aliases: RawControl[] = [];
  for (const [header, name] of Object.entries(POSTMAN_HEADERS)) {
    const value = headers[header];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    aliases.push({ name, value: text.trim(), source: `the ${header} header` });
  }
  return aliases;
}

function toControlName(name: string, source: string): ControlName {
  if ((CONTROL_NAMES as string[]).includes(name)) return name as ControlName;
  throw new ProblemError(
    'invalid-control',
    `Unknown mock control "${name}" in ${source}: use one of ${CONTROL_NAMES.join(', ')}.`,
    { control: name, allowed: CONTROL_NAMES },
  );
}

function parseValues(
  raw: Map<ControlName, { value: string }>,
  spec: CompiledSpec,
): MockControls {
  const controls: MockControls = {};
  for (const [name, { value }] of raw) {
    Object.assign(controls, { [name]: CONTROL_PARSERS[name](value, spec) });
  }
  return controls;
}

function checkExampleMatchesCode(
  controls: MockControls,
  spec: CompiledSpec,
): void {
  if (controls.code === undefined || controls.example === undefined) return;
  const value = spec.examples.get(controls.example)?.value as { code?: unknown };
  if (value?.code === undefined || value.code === controls.code) return;
  throw new ProblemError(
    'conflicting-controls',
    `Mock control example=${controls.example} carries code ${String(value.code)}, but code=${controls.code} was asked for: drop one of them.`,
    { controls: ['code', 'example'] },
  );
}

function withoutControls(query: Query): Query {
  const rest: Query = {};
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith(QUERY_CONTROL_PREFIX)) rest[key] = value;
  }
  return rest;
}
