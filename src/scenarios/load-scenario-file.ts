import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';

import type { OutcomeContext } from './compile-outcome';
import { compileScenarios, type CompiledScenarios } from './compile-scenarios';
import { DefinitionError } from './definition-error';
import { validateScenarioDocument } from './validate-document';

/** A scenario file that cannot be read, parsed, validated or compiled. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/**
 * Reads a scenario file in YAML or JSON (JSON is read as YAML, which
 * contains it), validates it against spec/scenarios.schema.json and
 * compiles it. Throws a ScenarioError of one line naming the file, the JSON
 * pointer, the line and column, and the reason.
 *
 * @example
 * const scenarios = loadScenarioFile('fixtures/scenarios.example.yaml', {
 *   examples: spec.examples,
 * });
 */
export function loadScenarioFile(
  file: string,
  context: Omit<OutcomeContext, 'baseDir'>,
): CompiledScenarios {
  const lineCounter = new LineCounter();
  const document = parseDocument(readText(file), { lineCounter });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const position = syntaxError.linePos?.[0];
    const where = position
      ? ` (line ${position.line}, column ${position.col})`
      : '';
    throw new ScenarioError(
      `Invalid scenario file ${file}${where}: ${syntaxError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}. Fix the syntax and start again.`,
    );
  }

  try {
    const value = validateScenarioDocument(document.toJS());
    return compileScenarios(value, file, {
      ...context,
      baseDir: dirname(file),
    });
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    const where = locate(document, lineCounter, error.pointer);
    throw new ScenarioError(
      `Invalid scenario file ${file} at ${error.pointer || '/'}${where}: ${error.message}. Fix it and start again.`,
    );
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : String(code);
    throw new ScenarioError(
      `Failed to read scenario file ${file}: ${reason}. Pass an existing YAML or JSON file to --scenarios.`,
    );
  }
}

/** Finds the line of the deepest node on the pointer's path that exists. */
function locate(
  document: Document,
  lineCounter: LineCounter,
  pointer: string,
): string {
  const path = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  for (let length = path.length; length >= 0; length -= 1) {
    const node = document.getIn(path.slice(0, length), true) as
      { range?: [number, number, number] } | undefined;
    const start =
      length === 0 ? document.contents?.range?.[0] : node?.range?.[0];
    if (start !== undefined) {
      const { line, col } = lineCounter.linePos(start);
      return ` (line ${line}, column ${col})`;
    }
  }
  return '';
}
