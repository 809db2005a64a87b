import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';

import {
  createSchemaCompiler,
  type SchemaCompiler,
  type Validator,
} from './schema-compiler';
import {
  compileOperation,
  HTTP_METHODS,
  type CompiledOperation,
} from './compile-operation';
import { collectExamples, type NamedExample } from './collect-examples';

export type OpenApiDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;

/** An OpenAPI document, checked, dereferenced and compiled for serving. */
export interface CompiledSpec {
  /** The file the document was read from. */
  file: string;
  document: OpenApiDocument;
  operations: CompiledOperation[];
  /** Every named response example of every operation, by name. */
  examples: Map<string, NamedExample>;
  /**
   * Validates a 1000 body against the `AppProfileResponse` schema, which
   * fixtures must match.
   */
  validateSuccessBody: Validator;
  /** The schema compiler, for callers that validate other documents. */
  compiler: SchemaCompiler;
}

/** The component schema of a 1000 body. */
export const SUCCESS_SCHEMA_NAME = 'AppProfileResponse';

/** A spec that could not be read, parsed or compiled. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** How much checking `loadSpec` does before it returns. */
export interface LoadSpecOptions {
  /**
   * Validate the document against the OpenAPI schema, compile every
   * response schema and check the named examples against them. Default:
   * true. The CLI turns it off for the bundled spec only, which the test
   * suite checks in full, because this work is about half of start-up.
   */
  validate?: boolean;
}

/**
 * Reads an OpenAPI 3.0 or 3.1 document, validates it against the OpenAPI
 * schema, resolves every `$ref` and compiles the parameter, security and
 * response checks of each operation. Nothing is parsed per request.
 *
 * @example
 * const spec = await loadSpec('spec/openapi.yaml');
 * const app = createApp({ spec });
 */
export async function loadSpec(
  file: string,
  { validate = true }: LoadSpecOptions = {},
): Promise<CompiledSpec> {
  const document = await parseDocument(file, validate);
  const compiler = createSchemaCompiler(document.openapi);
  const operations = compileOperations(file, document, compiler, validate);
  const examples = compileExamples(file, operations);

  return {
    file,
    document,
    operations,
    examples,
    validateSuccessBody: compileSuccessSchema(file, document, compiler, validate),
    compiler,
  };
}

function compileExamples(
  file: string,
  operations: CompiledOperation[],
): Map<string, NamedExample> {
  try {
    return collectExamples(operations);
  } catch (error) {
    throw new SpecError(`Invalid examples in spec ${file}: ${firstLine(error)}`);
  }
}

function compileSuccessSchema(
  file: string,
  document: OpenApiDocument,
  compiler: SchemaCompiler,
  now: boolean,
): Validator {
  const schema = document.components?.schemas?.[SUCCESS_SCHEMA_NAME];
  if (!schema) {
    throw new SpecError(
      `Spec ${file} has no components.schemas.${SUCCESS_SCHEMA_NAME}: the mock validates fixtures with it, so keep that schema`,
    );
  }
  return now ? compiler.compile(schema) : compiler.compileLater(schema);
}

async function parseDocument(file: string, validate: boolean): Promise<OpenApiDocument> {
  try {
    const api = validate
      ? await SwaggerParser.validate(file)
      : await SwaggerParser.dereference(file);
    if (!('openapi' in api)) {
      throw new Error('Swagger 2.0 is not supported, convert it to OpenAPI 3');
    }
    return api;
  } catch (error) {
    const reason = firstLine(error);
    throw new SpecError(`Failed to load spec ${file}: ${reason}`);
  }
}

function compileOperations(
  file: string,
  document: OpenApiDocument,
  compiler: SchemaCompiler,
  checkExamples: boolean,
): CompiledOperation[] {
  const operations: CompiledOperation[] = [];

  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method];
      if (!operation) continue;
      try {
        operations.push(
          compileOperation({ document, path, method, pathItem, operation, compiler, checkExamples }),
        );
      } catch (error) {
        const reason = firstLine(error);
        throw new SpecError(
          `Failed to compile ${method.toUpperCase()} ${path} in ${file}: ${reason}`,
        );
      }
    }
  }

  if (operations.length === 0) {
    throw new SpecError(`Spec ${file} has no operations under paths`);
  }
  return operations;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() ?? message;
}
