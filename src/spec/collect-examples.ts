import type { CompiledOperation } from './compile-operation';

/** A named response example of the spec. */
export interface NamedExample {
  name: string;
  /** The HTTP status the example is declared under. */
  status: string;
  value: unknown;
}

/**
 * Gathers the named examples of every operation. Operations may share
 * examples through `$ref`; a name that two operations use for different
 * values is ambiguous, so it is rejected.
 */
export function collectExamples(
  operations: CompiledOperation[],
): Map<string, NamedExample> {
  const examples = new Map<string, NamedExample>();

  for (const operation of operations) {
    for (const [status, named] of operation.responseExamples) {
      for (const [name, value] of Object.entries(named)) {
        const known = examples.get(name);
        if (known && JSON.stringify(known.value) !== JSON.stringify(value)) {
          throw new Error(`example name ${name} is used for two different values; rename one`);
        }
        examples.set(name, { name, status, value });
      }
    }
  }
  return examples;
}
