import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';

import type { OpenApiDocument } from './load-spec';
import type { SchemaCompiler, Validator } from './schema-compiler';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

type Operation = OpenAPIV3.OperationObject | OpenAPIV3_1.OperationObject;
type PathItem = OpenAPIV3.PathItemObject | OpenAPIV3_1.PathItemObject;
type Parameter = OpenAPIV3.ParameterObject;

/** A parameter of an operation with its schema compiled. */
export interface CompiledParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** Whether the schema takes an array, so repeated query keys are kept. */
  isArray: boolean;
  validate: Validator;
}

/** Where a security scheme expects its credential. */
export interface CredentialLocation {
  scheme: string;
  in: 'header' | 'query';
  /** Header names are lower case, as Node stores them. */
  name: string;
}

/** An operation of the spec, ready to route and check requests. */
export interface CompiledOperation {
  method: HttpMethod;
  path: string;
  /** The same path in Express syntax, `{appId}` becoming `:appId`. */
  expressPath: string;
  operationId: string | undefined;
  parameters: CompiledParameter[];
  /**
   * Alternatives, any one of which admits the request; each lists the
   * credentials that must all be present. An empty list needs no credential.
   */
  security: CredentialLocation[][];
  /** Named response examples by HTTP status. */
  responseExamples: Map<string, Record<string, unknown>>;
  /** Validates a response body for an HTTP status. */
  validateResponse(status: number, body: unknown): string[];
}

export interface OperationSource {
  document: OpenApiDocument;
  path: string;
  method: HttpMethod;
  pathItem: PathItem;
  operation: Operation;
  compiler: SchemaCompiler;
  /**
   * Whether to compile the response schemas now and check the named
   * examples against them. Without it, response schemas compile on first
   * use and examples are trusted.
   */
  checkExamples: boolean;
}

/** Compiles one dereferenced operation of the document. */
export function compileOperation(source: OperationSource): CompiledOperation {
  const { document, path, method, pathItem, operation, compiler } = source;
  const responseValidators = compileResponses(operation, compiler, source.checkExamples);
  const responseExamples = collectResponseExamples(operation);
  if (source.checkExamples) checkExamples(responseExamples, responseValidators);

  return {
    method,
    path,
    expressPath: toExpressPath(path),
    operationId: operation.operationId,
    parameters: compileParameters(pathItem, operation, compiler),
    security: compileSecurity(document, operation),
    responseExamples,
    validateResponse(status, body) {
      const validate =
        responseValidators.get(String(status)) ??
        responseValidators.get(`${String(status)[0]}XX`) ??
        responseValidators.get('default');
      if (!validate) return [`(root) HTTP ${status} is not a declared response`];
      return validate(body);
    },
  };
}

function toExpressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new Error(`path parameter {${name}} needs a name of letters, digits and underscores`);
    }
    return `:${name}`;
  });
}

function compileParameters(
  pathItem: PathItem,
  operation: Operation,
  compiler: SchemaCompiler,
): CompiledParameter[] {
  // Operation parameters override path item parameters of the same name
  // and location, as the OpenAPI specification requires.
  const byKey = new Map<string, Parameter>();
  for (const parameter of [
    ...((pathItem.parameters ?? []) as Parameter[]),
    ...((operation.parameters ?? []) as Parameter[]),
  ]) {
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }

  return [...byKey.values()].map((parameter) => compileParameter(parameter, compiler));
}

function compileParameter(
  parameter: Parameter,
  compiler: SchemaCompiler,
): CompiledParameter {
  if (parameter.in === 'cookie') {
    throw new Error(`cookie parameter ${parameter.name} is not supported`);
  }
  const schema = (parameter.schema ?? {}) as { type?: unknown };
  const isHeader = parameter.in === 'header';

  return {
    name: isHeader ? parameter.name.toLowerCase() : parameter.name,
    in: parameter.in as CompiledParameter['in'],
    required: parameter.in === 'path' || parameter.required === true,
    isArray: schema.type === 'array',
    validate: compiler.compile(schema),
  };
}

function compileSecurity(
  document: OpenApiDocument,
  operation: Operation,
): CredentialLocation[][] {
  const requirements = operation.security ?? document.security ?? [];
  const schemes = (document.components?.securitySchemes ?? {}) as Record<
    string,
    OpenAPIV3.SecuritySchemeObject
  >;

  return requirements.map((requirement) =>
    Object.keys(requirement).map((name) => locateCredential(name, schemes[name])),
  );
}

function locateCredential(
  name: string,
  scheme: OpenAPIV3.SecuritySchemeObject | undefined,
): CredentialLocation {
  if (!scheme) {
    throw new Error(`security scheme ${name} is not defined in components.securitySchemes`);
  }
  if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')) {
    const location = scheme.in;
    const key = location === 'header' ? scheme.name.toLowerCase() : scheme.name;
    return { scheme: name, in: location, name: key };
  }
  if (scheme.type === 'http') {
    return { scheme: name, in: 'header', name: 'authorization' };
  }
  throw new Error(
    `security scheme ${name} has type ${scheme.type}; the mock checks apiKey (header or query) and http schemes only`,
  );
}

function compileResponses(
  operation: Operation,
  compiler: SchemaCompiler,
  now: boolean,
): Map<string, Validator> {
  const compile = now ? compiler.compile : compiler.compileLater;
  const validators = new Map<string, Validator>();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const schema = jsonContent(response as OpenAPIV3.ResponseObject)?.schema;
    validators.set(status.toUpperCase(), schema ? compile(schema) : () => []);
  }
  return validators;
}

function collectResponseExamples(
  operation: Operation,
): Map<string, Record<string, unknown>> {
  const examples = new Map<string, Record<string, unknown>>();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const named = jsonContent(response as OpenAPIV3.ResponseObject)?.examples ?? {};
    const values: Record<string, unknown> = {};
    for (const [name, example] of Object.entries(named)) {
      values[name] = (example as OpenAPIV3.ExampleObject).value;
    }
    examples.set(status, values);
  }
  return examples;
}

function checkExamples(
  examples: Map<string, Record<string, unknown>>,
  validators: Map<string, Validator>,
): void {
  for (const [status, named] of examples) {
    const validate = validators.get(status.toUpperCase());
    for (const [name, value] of Object.entries(named)) {
      const violations = validate?.(value) ?? [];
      if (violations.length > 0) {
        throw new Error(
          `example ${name} of response ${status} does not match its schema: ${violations[0]}`,
        );
      }
    }
  }
}

function jsonContent(
  response: OpenAPIV3.ResponseObject,
): OpenAPIV3.MediaTypeObject | undefined {
  const content = response.content ?? {};
  const type = Object.keys(content).find((name) => /^application\/(.+\+)?json\b/.test(name));
  return type === undefined ? undefined : content[type];
}
