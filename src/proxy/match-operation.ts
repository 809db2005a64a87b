import type { CompiledOperation } from '../spec/compile-operation';

/** Finds the operation of the spec that a request method and path address. */
export type OperationMatcher = (method: string, path: string) => CompiledOperation | undefined;

/**
 * Compiles the paths of the operations once into regular expressions, each
 * `{name}` matching one non-empty path segment.
 *
 * @example
 * const match = createOperationMatcher(spec.operations);
 * match('GET', '/resources/v2/customerappprofile/a_1')?.operationId; // 'getAppProfile'
 */
export function createOperationMatcher(operations: CompiledOperation[]): OperationMatcher {
  const compiled = operations.map((operation) => ({
    operation,
    pattern: new RegExp(`^${operation.path.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`),
  }));

  return (method, path) => {
    const requested = method.toLowerCase();
    const found = compiled.find(
      ({ operation, pattern }) => operation.method === requested && pattern.test(path),
    );
    return found?.operation;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
