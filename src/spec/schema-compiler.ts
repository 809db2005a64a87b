import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** A compiled JSON Schema check that returns readable violations. */
export type Validator = (value: unknown) => string[];

export interface SchemaCompiler {
  compile(schema: object): Validator;
  /**
   * Returns a validator that compiles the schema on its first call, so a
   * start-up that never validates that schema does not pay for it.
   */
  compileLater(schema: object): Validator;
}

/**
 * Creates an ajv instance for the schema dialect of the document: draft
 * 2020-12 for OpenAPI 3.1, and ajv's draft-07 with the OpenAPI 3.0
 * keywords (`nullable`, `example`, `discriminator`, ...) for 3.0.
 */
export function createSchemaCompiler(openapiVersion: string): SchemaCompiler {
  const options = { allErrors: true, strict: false, discriminator: true };
  const ajv = openapiVersion.startsWith('3.1')
    ? new Ajv2020(options)
    : new Ajv(options);
  addFormats(ajv);

  const compile = (schema: object): Validator => {
    const validate = ajv.compile(schema);
    return (value) => (validate(value) ? [] : describeErrors(validate));
  };
  const compileLater = (schema: object): Validator => {
    let validate: Validator | undefined;
    return (value) => {
      validate ??= compile(schema);
      return validate(value);
    };
  };
  return { compile, compileLater };
}

function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(describeError);
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  return `${where} ${error.message ?? 'is invalid'}`;
}
