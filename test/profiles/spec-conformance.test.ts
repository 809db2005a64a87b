import { buildSuccessEnvelope } from '../../src/envelope/envelope';
import { generateRecords } from '../../src/profiles/generate-records';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec } from '../helpers/mock-spec';

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

describe('generated bodies', () => {
  it('validate against the spec for 500 users across seeds', () => {
    const operation = spec.operations.find((op) => op.operationId === 'getAppProfile')!;
    const violations: string[] = [];

    for (let index = 0; index < 500; index += 1) {
      const seed = index % 25;
      const appId = index % 2 === 0 ? `a_${636035705699961900 + index}` : `BO${20055029 + index}`;
      const body = buildSuccessEnvelope(generateRecords(seed, appId, `user-${index}`));
      for (const violation of operation.validateResponse(200, body)) {
        violations.push(`seed ${seed}, ${appId}, user-${index}: ${violation}`);
      }
      violations.push(...spec.validateSuccessBody(body));
    }

    expect(violations).toEqual([]);
  });
});
