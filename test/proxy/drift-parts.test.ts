import { formatDriftHeader } from '../../src/proxy/drift-header';
import { findUndeclaredProperties } from '../../src/proxy/find-undeclared-properties';
import { createOperationMatcher } from '../../src/proxy/match-operation';
import { loadBundledSpec } from '../helpers/mock-spec';

describe('formatDriftHeader', () => {
  it('returns none without violations', () => {
    expect(formatDriftHeader([])).toBe('none');
  });

  it('counts and shows the first violation', () => {
    expect(formatDriftHeader(['/code must be string', '/Status must be integer'])).toBe(
      '2 violations; /code must be string',
    );
  });

  it('replaces characters a header cannot carry', () => {
    expect(formatDriftHeader(['/Name must be "Zoë"\n'])).toBe('1 violation; /Name must be "Zo?"?');
  });

  it('stops at 200 characters', () => {
    expect(formatDriftHeader(['x'.repeat(500)])).toHaveLength(200);
  });
});

describe('createOperationMatcher', () => {
  it('matches the v1 and v2 paths', async () => {
    const match = createOperationMatcher((await loadBundledSpec()).operations);

    expect(match('GET', '/resources/v2/customerappprofile/a_1')?.operationId).toBe('getAppProfile');
    expect(match('GET', '/resources/v1/customerappprofile/a_1')?.operationId).toBe('getAppProfileV1');
  });

  it('matches no other method or path', async () => {
    const match = createOperationMatcher((await loadBundledSpec()).operations);

    expect(match('DELETE', '/resources/v2/customerappprofile/a_1')).toBeUndefined();
    expect(match('GET', '/resources/v2/customerappprofile/a_1/extra')).toBeUndefined();
    expect(match('GET', '/resources/v2/customerappprofile/')).toBeUndefined();
  });
});

describe('findUndeclaredProperties', () => {
  const schema = {
    properties: {
      Records: { items: { properties: { Attributes: { items: { properties: { Name: {} } } } } } },
    },
  };

  it('lists undeclared properties with their path', () => {
    const body = { Records: [{ Attributes: [{ Name: 'os', Extra: 1 }], Devices: [] }], Paging: {} };

    expect(findUndeclaredProperties(schema, body)).toEqual([
      '/Records/0/Attributes/0 has undeclared property "Extra"',
      '/Records/0 has undeclared property "Devices"',
      '(root) has undeclared property "Paging"',
    ]);
  });

  it('returns nothing for a declared shape', () => {
    expect(findUndeclaredProperties(schema, { Records: [{ Attributes: [{ Name: 'os' }] }] })).toEqual([]);
  });
});
