import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec } from '../helpers/mock-spec';

const VENDOR_EXAMPLES = join(__dirname, '..', '..', 'fixtures', 'vendor-examples');

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

describe('vendor example bodies', () => {
  const files = readdirSync(VENDOR_EXAMPLES).filter((name) => name.endsWith('.json'));

  it('are present', () => {
    expect(files).toEqual(['four-devices.json', 'one-device-linked.json', 'twitter-channel.json']);
  });

  it.each(files)('%s validates against the spec', (name) => {
    const body: unknown = JSON.parse(readFileSync(join(VENDOR_EXAMPLES, name), 'utf8'));
    const operation = spec.operations.find((op) => op.operationId === 'getAppProfile')!;

    expect(operation.validateResponse(200, body)).toEqual([]);
    expect(spec.validateSuccessBody(body)).toEqual([]);
  });
});

describe('spec examples', () => {
  it('include one per documented code', () => {
    const codes = [...spec.examples.values()].map(
      (example) => (example.value as { code: string }).code,
    );

    expect(new Set(codes)).toEqual(new Set(['1000', '7000', '7001', '7003']));
  });

  it.each(['invalid-json', 'authentication-failed', 'mandatory-parameters-missing'])(
    '%s uses the error envelope',
    (name) => {
      const value = spec.examples.get(name)!.value;

      expect(value).toMatchObject({ Status: 1, Records: [] });
      expect(spec.validateSuccessBody(value)).not.toEqual([]);
    },
  );

  it('rejects a code sent as a number', () => {
    const body = { ...(spec.examples.get('linked-single-device')!.value as object), code: 1000 };

    expect(spec.validateSuccessBody(body)).toContain('/code must be string');
  });
});
