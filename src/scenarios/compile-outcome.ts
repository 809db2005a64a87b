import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { isVendorCode } from '../envelope/vendor-codes';
import { isFaultName } from '../faults/fault-names';
import type { OutcomePlan, ResponseChoice } from '../outcome/outcome';
import { compileDelay } from './delay';
import { DefinitionError } from './definition-error';
import type { OutcomeDefinition } from './scenario-document';

/** Inputs of compileOutcome beyond the outcome itself. */
export interface OutcomeContext {
  /** Named examples of the spec, by name. */
  examples: ReadonlyMap<string, unknown>;
  /** Folder that `bodyFile` paths are relative to; unset forbids them. */
  baseDir?: string;
}

/**
 * Compiles an outcome that the schema has validated: checks the example
 * name against the spec, reads `bodyFile`, and compiles the delay. Throws a
 * DefinitionError with the pointer of the bad field.
 *
 * @example
 * const plan = compileOutcome({ code: '7001', status: 401 }, '/outcome', context);
 */
export function compileOutcome(
  definition: OutcomeDefinition,
  pointer: string,
  context: OutcomeContext,
): OutcomePlan {
  const plan: OutcomePlan = {};
  const response = compileResponse(definition, pointer, context);
  if (response) plan.response = response;
  if (definition.delay !== undefined)
    plan.delay = compileDelay(definition.delay);
  if (definition.fault !== undefined)
    plan.fault = checkFault(definition.fault, pointer);
  return plan;
}

function compileResponse(
  definition: OutcomeDefinition,
  pointer: string,
  context: OutcomeContext,
): ResponseChoice | undefined {
  const status =
    definition.status === undefined ? {} : { status: definition.status };
  if (definition.code !== undefined) {
    const code = String(definition.code);
    if (!isVendorCode(code)) {
      throw new DefinitionError(
        `${pointer}/code`,
        `unknown vendor code ${code}`,
      );
    }
    return { kind: 'code', code, ...status };
  }
  if (definition.example !== undefined) {
    return {
      kind: 'example',
      name: checkExample(definition.example, pointer, context),
      ...status,
    };
  }
  if (definition.bodyFile !== undefined) {
    return {
      kind: 'body',
      body: readBodyFile(definition.bodyFile, pointer, context),
      ...status,
    };
  }
  if ('body' in definition)
    return { kind: 'body', body: definition.body, ...status };
  if (definition.status !== undefined) {
    throw new DefinitionError(
      `${pointer}/status`,
      'status needs a code, example, body or bodyFile to go with',
    );
  }
  return undefined;
}

function checkExample(
  name: string,
  pointer: string,
  context: OutcomeContext,
): string {
  if (context.examples.has(name)) return name;
  const known = [...context.examples.keys()].join(', ');
  throw new DefinitionError(
    `${pointer}/example`,
    `unknown example "${name}": use one of ${known}`,
  );
}

function readBodyFile(
  file: string,
  pointer: string,
  context: OutcomeContext,
): unknown {
  if (context.baseDir === undefined) {
    throw new DefinitionError(
      `${pointer}/bodyFile`,
      'bodyFile works in a scenario file only; send the body inline as body',
    );
  }
  const path = resolve(context.baseDir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    // JSON.parse quotes part of the file in its message; the file may hold
    // anything, so only the kind of failure is reported.
    const reason =
      error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message.split('\n')[0];
    throw new DefinitionError(
      `${pointer}/bodyFile`,
      `failed to read JSON body file ${path}: ${reason}`,
    );
  }
}

function checkFault(name: string, pointer: string) {
  if (isFaultName(name)) return name;
  throw new DefinitionError(`${pointer}/fault`, `unknown fault ${name}`);
}
