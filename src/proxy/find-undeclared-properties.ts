/** The parts of a dereferenced JSON Schema that declare properties. */
interface SchemaShape {
  properties?: Record<string, SchemaShape>;
  items?: SchemaShape;
}

/**
 * Lists the properties of a value that its schema does not declare, such as
 * `/Records/0 has undeclared property "Devices"`. The spec allows extra
 * properties, so validation passes them, but a new property is still a
 * change of shape that a client may want to know about. Only `properties`
 * and `items` are followed. Properties under `anyOf`, `oneOf` or `allOf`
 * are not checked.
 *
 * @example
 * findUndeclaredProperties({ properties: { a: {} } }, { a: 1, b: 2 }); // ['(root) has undeclared property "b"']
 */
export function findUndeclaredProperties(schema: SchemaShape, value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    const items = schema.items;
    if (!items) return [];
    return value.flatMap((item, index) => findUndeclaredProperties(items, item, `${path}/${index}`));
  }
  if (typeof value !== 'object' || value === null || !schema.properties) return [];

  const declared = schema.properties;
  return Object.entries(value).flatMap(([name, child]) => {
    const childSchema = declared[name];
    if (childSchema) return findUndeclaredProperties(childSchema, child, `${path}/${name}`);
    return [`${path || '(root)'} has undeclared property ${JSON.stringify(name)}`];
  });
}
