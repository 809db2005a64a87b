import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

import { DefinitionError } from './definition-error';
import type { OutcomeDefinition, ScenarioDocument } from './scenario-document';

/** The JSON Schema of scenario files, shipped with the package. */
export const SCENARIO_SCHEMA_FILE = join(
  __dirname,
  '..',
  '..',
  'spec',
  'scenarios.schema.json',
);

let validateScenarioSchema: ValidateFunction | undefined;
let validateOutcomeSchema: ValidateFunction | undefined;

/**
 * Validates a parsed scenario document against the JSON Schema, compiled
 * once per process. Throws a DefinitionError for the most specific
 * violation, so the message points at one field.
 *
 * @example
 * const document = validateScenarioDocument(YAML.parse(text));
 */
export function validateScenarioDocument(value: unknown): ScenarioDocument {
  validateScenarioSchema ??= compileSchema('#');
  throwFirstViolation(validateScenarioSchema, value, '');
  return value as ScenarioDocument;
}

/**
 * Validates one outcome, as sent to the arming endpoint, against the
 * outcome definition of the same schema.
 *
 * @example
 * validateOutcomeDefinition({ code: '7001' }, '/outcome');
 */
export function validateOutcomeDefinition(
  value: unknown,
  pointer: string,
): OutcomeDefinition {
  validateOutcomeSchema ??= compileSchema('#/definitions/outcome');
  throwFirstViolation(validateOutcomeSchema, value, pointer);
  return value as OutcomeDefinition;
}

function compileSchema(ref: string): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(SCENARIO_SCHEMA_FILE, 'utf8'),
  ) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema);
  const validate = ajv.getSchema(
    `urn:imiconnect-mock:scenarios.schema.json${ref}`,
  );
  if (!validate)
    throw new Error(`schema ${ref} not found in ${SCENARIO_SCHEMA_FILE}`);
  return validate;
}

function throwFirstViolation(
  validate: ValidateFunction,
  value: unknown,
  prefix: string,
): void {
  if (validate(value)) return;
  const error = pickMostSpecific(validate.errors ?? []);
  if (!error) throw new DefinitionError(prefix, 'does not match the schema');
  throw new DefinitionError(prefix + error.instancePath, describe(error));
}

/** Keywords that name the fault best, first; `oneOf` and `not` only summarise. */
const KEYWORD_RANK = ['additionalProperties', 'required', 'enum', 'pattern'];

function pickMostSpecific(errors: ErrorObject[]): ErrorObject | undefined {
  const rank = (error: ErrorObject) => {
    const index = KEYWORD_RANK.indexOf(error.keyword);
    if (index >= 0) return index;
    return ['oneOf', 'anyOf', 'not', 'type'].includes(error.keyword) ? 9 : 5;
  };
  const depth = (error: ErrorObject) => error.instancePath.split('/').length;
  return [...errors].sort(
    (a, b) => depth(b) - depth(a) || rank(a) - rank(b),
  )[0];
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const isScenario = /^\/scenarios\/\d+$/.test(error.instancePath);
  if (isScenario && ['oneOf', 'not'].includes(error.keyword)) {
    return 'set exactly one of outcome or sequence';
  }
  switch (error.keyword) {
    case 'required':
      if (
        isScenario &&
        ['outcome', 'sequence'].includes(String(params.missingProperty))
      ) {
        return 'set exactly one of outcome or sequence';
      }
      return `missing property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown property "${String(params.additionalProperty)}"`;
    case 'enum':
      return `must be one of ${[...new Set((params.allowedValues as unknown[]).map(String))].join(', ')}`;
    case 'not':
      return 'set only one of code, example, body and bodyFile';
    default:
      return error.message ?? 'is invalid';
  }
}
