import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import { DEFAULT_SPEC_FILE } from '../../src/options';
import { loadSpec } from '../../src/spec/load-spec';
import { PROFILE_PATH } from '../helpers/mock-spec';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const BUNDLED = readFileSync(DEFAULT_SPEC_FILE, 'utf8');

function writeSpec(text: string): string {
  const file = join(tempDir(), 'openapi.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadSpec', () => {
  it('validates the bundled spec in full', async () => {
    const spec = await loadSpec(DEFAULT_SPEC_FILE, { validate: true });

    expect(spec.operations.length).toBeGreaterThan(0);
  });

  it('compiles the same operations without validation', async () => {
    const full = await loadSpec(DEFAULT_SPEC_FILE);
    const light = await loadSpec(DEFAULT_SPEC_FILE, { validate: false });

    expect(light.operations.map((operation) => operation.path)).toEqual(
      full.operations.map((operation) => operation.path),
    );
    expect([...light.examples.keys()]).toEqual([...full.examples.keys()]);
  });

  it('validates responses lazily without validation', async () => {
    const light = await loadSpec(DEFAULT_SPEC_FILE, { validate: false });

    expect(light.validateSuccessBody({})).not.toEqual([]);
  });

  it('compiles both operations of the bundled spec', async () => {
    const spec = await loadSpec(DEFAULT_SPEC_FILE);

    expect(spec.operations.map((op) => `${op.method} ${op.expressPath}`)).toEqual([
      'get /resources/v2/customerappprofile/:appId',
      'get /resources/v1/customerappprofile/:appId',
    ]);
  });

  it('makes identifier optional when the spec does', async () => {
    const edited = BUNDLED.replace(
      /(name: identifier\n\s+in: query\n\s+)required: true/,
      '$1required: false',
    );
    expect(edited).not.toBe(BUNDLED);
    const spec = await loadSpec(writeSpec(edited));

    const res = await request(createApp({ spec })).get(PROFILE_PATH).set('key', 'any');

    expect(res.body.code).toBe('1000');
  });

  it('drops the key check when the spec drops security', async () => {
    const edited = BUNDLED.replace('security:\n  - profileKey: []\n', 'security: []\n');
    expect(edited).not.toBe(BUNDLED);
    const spec = await loadSpec(writeSpec(edited));

    const res = await request(createApp({ spec })).get(PROFILE_PATH).query({ identifier: 'u' });

    expect(res.body.code).toBe('1000');
  });

  it('applies a pattern the spec adds to appId', async () => {
    const edited = BUNDLED.replace(
      /(name: appId[\s\S]*?schema:\n\s+type: string\n)(\s+)minLength: 1/,
      (_, head: string, indent: string) => `${head}${indent}pattern: '^a_[0-9]{18}$'`,
    );
    expect(edited).not.toBe(BUNDLED);
    const spec = await loadSpec(writeSpec(edited));

    const res = await request(createApp({ spec }))
      .get('/resources/v2/customerappprofile/not-an-app')
      .query({ identifier: 'u' })
      .set('key', 'any');

    expect(res.body.code).toBe('7003');
  });

  it('rejects an operation the mock cannot serve', async () => {
    const edited = BUNDLED.replace(
      /(\/resources\/v1\/customerappprofile\/\{appId\}:\n\s+)get:/,
      '$1post:',
    );
    expect(edited).not.toBe(BUNDLED);
    const spec = await loadSpec(writeSpec(edited));

    expect(() => createApp({ spec })).toThrow(
      /declares POST \/resources\/v1\/customerappprofile\/\{appId\}, but the mock builds responses for GET/,
    );
  });

  it('rejects a missing file with its name', async () => {
    const missing = join(tempDir(), 'nope.yaml');

    await expect(loadSpec(missing)).rejects.toThrow(`Failed to load spec ${missing}`);
  });

  it('rejects a document that is not OpenAPI', async () => {
    const file = writeSpec('openapi: 3.0.3\ninfo: {}\n');

    await expect(loadSpec(file)).rejects.toThrow(/Failed to load spec .*openapi\.yaml: /);
  });

  it('rejects an example that breaks its schema', async () => {
    const edited = BUNDLED.replace(
      /(Description: Invalid JSON\n\s+code: )'7000'/,
      (_, head: string) => `${head}7000`,
    );
    expect(edited).not.toBe(BUNDLED);

    await expect(loadSpec(writeSpec(edited))).rejects.toThrow(
      /example invalid-json of response 200 does not match its schema/,
    );
  });
});
