/**
 * A scenario definition that is invalid at a place in its document. The
 * pointer is a JSON pointer (RFC 6901), such as `/scenarios/0/match`, so
 * callers can turn it into a line of the file or a field of a request.
 */
export class DefinitionError extends Error {
  override name = 'DefinitionError';

  constructor(
    readonly pointer: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** Appends a key or index to a JSON pointer, escaping it as RFC 6901 specifies. */
export function joinPointer(pointer: string, key: string | number): string {
  const escaped = String(key).replace(/~/g, '~0').replace(/\//g, '~1');
  return `${pointer}/${escaped}`;
}
