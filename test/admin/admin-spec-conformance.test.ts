import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import { join } from 'node:path';
import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

const ADMIN_SPEC = join(__dirname, '..', '..', 'spec', 'admin.openapi.yaml');

let document: OpenAPIV3_1.Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  document = (await SwaggerParser.dereference(
    ADMIN_SPEC,
  )) as OpenAPIV3_1.Document;
});

/** Drops the `$id` and `$schema` of the inlined scenario schema, which ajv would register twice. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== '$id' && key !== '$schema') copy[key] = withoutIds(item);
  }
  return copy;
}

function responseValidator(
  path: string,
  method: string,
  status: number,
): ValidateFunction {
  const operation = document.paths?.[path]?.[method as 'get'];
  const response = operation?.responses?.[String(status)] as
    OpenAPIV3_1.ResponseObject | undefined;
  if (!response)
    throw new Error(
      `${method.toUpperCase()} ${path} does not declare HTTP ${status}`,
    );
  const content = response.content ?? {};
  const media =
    content['application/json'] ?? content['application/problem+json'];
  return ajv.compile(withoutIds(media?.schema ?? {}) as object);
}

describe('admin API against its OpenAPI document', () => {
  it.each([
    ['/health', 'get', undefined, 200],
    ['/ready', 'get', undefined, 200],
    ['/scenarios', 'get', undefined, 200],
    [
      '/scenarios',
      'put',
      { scenarios: [{ name: 'a', outcome: { code: '7001' } }] },
      200,
    ],
    ['/scenarios', 'put', { scenarios: [{ name: 'a' }] }, 400],
    ['/arm', 'post', { outcome: { fault: 'HANG' }, count: 2 }, 201],
    ['/arm', 'post', { outcome: {} }, 400],
    ['/arm', 'get', undefined, 200],
    ['/requests', 'get', undefined, 200],
  ])(
    '%s %s matches the documented body',
    async (path, method, body, status) => {
      const app = createApp({ spec: await loadBundledSpec() });
      await request(app)
        .get(PROFILE_PATH)
        .query({ identifier: 'u' })
        .set('key', 'k');

      const call = request(app)[method as 'get'](`/__admin${path}`);
      const res = body === undefined ? await call : await call.send(body);
      const validate = responseValidator(path, method, status);
      const parsed =
        res.type === 'application/problem+json'
          ? JSON.parse(res.text)
          : res.body;

      expect(res.status).toBe(status);
      expect(validate(parsed) ? [] : validate.errors).toEqual([]);
    },
  );

  it('documents every admin route', () => {
    expect(Object.keys(document.paths ?? {}).sort()).toEqual([
      '/arm',
      '/health',
      '/ready',
      '/requests',
      '/reset',
      '/scenarios',
    ]);
  });
});
