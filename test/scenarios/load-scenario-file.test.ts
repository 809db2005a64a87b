import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  loadScenarioFile,
  ScenarioError,
} from '../../src/scenarios/load-scenario-file';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec } from '../helpers/mock-spec';

let spec: CompiledSpec;
let dir: string;

beforeAll(async () => {
  spec = await loadBundledSpec();
  dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeScenarioFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function loadError(file: string): string {
  try {
    loadScenarioFile(file, { examples: spec.examples });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error(`expected ${file} to be rejected`);
}

describe('loadScenarioFile', () => {
  it('loads the example file', () => {
    const compiled = loadScenarioFile('fixtures/scenarios.example.yaml', {
      examples: spec.examples,
    });

    expect(compiled.scenarios.map((scenario) => scenario.name)).toEqual([
      'revoked-key',
      'slow-tenant',
      'flaky-user',
      'gateway-trouble',
      'unlinked-user',
      'stored-profile',
    ]);
    expect(compiled.source).toBe('fixtures/scenarios.example.yaml');
  });

  it('loads a JSON file', () => {
    const file = writeScenarioFile(
      'ok.json',
      JSON.stringify({ scenarios: [{ name: 'a', outcome: { code: 7001 } }] }),
    );

    const compiled = loadScenarioFile(file, { examples: spec.examples });

    expect(compiled.scenarios).toHaveLength(1);
  });

  it('names the pointer and line of a bad value', () => {
    const file = writeScenarioFile(
      'bad-fault.yaml',
      [
        'scenarios:',
        '  - name: a',
        '    outcome:',
        '      fault: EXPLODE',
        '',
      ].join('\n'),
    );

    const message = loadError(file);

    expect(message).toContain(
      `Invalid scenario file ${file} at /scenarios/0/outcome/fault (line 4, column 14)`,
    );
    expect(message).toContain('must be one of EMPTY_RESPONSE');
    expect(message).not.toContain('\n');
  });

  it('lists each allowed code once', () => {
    const file = writeScenarioFile(
      'bad-code.yaml',
      ['scenarios:', '  - name: a', '    outcome:', '      code: BAD', ''].join('\n'),
    );

    const message = loadError(file);

    expect(message).toContain('must be one of 1000, 7000, 7001, 7003');
    expect(message).not.toContain('7003, 1000');
  });

  it('names an unknown property', () => {
    const file = writeScenarioFile(
      'bad-key.yaml',
      'scenarios:\n  - name: a\n    outcom: {code: "7001"}\n',
    );

    expect(loadError(file)).toContain(
      'at /scenarios/0 (line 2, column 5): unknown property "outcom"',
    );
  });

  it('asks for outcome or sequence', () => {
    const file = writeScenarioFile(
      'no-outcome.yaml',
      'scenarios:\n  - name: a\n',
    );

    expect(loadError(file)).toContain('set exactly one of outcome or sequence');
  });

  it('rejects two bodies in one outcome', () => {
    const file = writeScenarioFile(
      'two-bodies.yaml',
      'scenarios:\n  - name: a\n    outcome: {code: "7001", example: unlinked-device}\n',
    );

    expect(loadError(file)).toContain(
      '/scenarios/0/outcome (line 3, column 14): set only one of code, example, body and bodyFile',
    );
  });

  it('rejects an unknown example', () => {
    const file = writeScenarioFile(
      'bad-example.yaml',
      'scenarios:\n  - name: a\n    outcome: {example: nope}\n',
    );

    const message = loadError(file);

    expect(message).toContain(
      '/scenarios/0/outcome/example (line 3, column 24)',
    );
    expect(message).toContain('use one of linked-single-device');
  });

  it('rejects an invalid regular expression', () => {
    const file = writeScenarioFile(
      'bad-regex.yaml',
      'scenarios:\n  - name: a\n    match: {identifier: {regex: "(["}}\n    outcome: {code: "7001"}\n',
    );

    expect(loadError(file)).toContain(
      '/scenarios/0/match/identifier/regex (line 3, column 33): invalid regular expression',
    );
  });

  it('rejects duplicate names', () => {
    const file = writeScenarioFile(
      'dup.yaml',
      'scenarios:\n  - {name: a, outcome: {code: "7001"}}\n  - {name: a, outcome: {code: "7003"}}\n',
    );

    expect(loadError(file)).toContain(
      '/scenarios/1/name (line 3, column 12): duplicate scenario name "a"',
    );
  });

  it('rejects a missing body file', () => {
    const file = writeScenarioFile(
      'no-body.yaml',
      'scenarios:\n  - {name: a, outcome: {bodyFile: missing.json}}\n',
    );

    expect(loadError(file)).toContain('/scenarios/0/outcome/bodyFile');
  });

  it('reports a YAML syntax error with its line', () => {
    const file = writeScenarioFile('syntax.yaml', 'scenarios:\n  - name: [a\n');

    expect(loadError(file)).toMatch(
      /^Invalid scenario file .*syntax\.yaml \(line \d+, column \d+\): /,
    );
  });

  it('reports a missing file', () => {
    expect(loadError(join(dir, 'absent.yaml'))).toContain('file not found');
  });
});
