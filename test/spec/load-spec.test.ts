import { DEFAULT_SPEC_FILE } from '../../src/options';
import { loadSpec } from '../../src/spec/load-spec';

describe('loadSpec', () => {
  it('validates the bundled spec in full', async () => {
    const spec = await loadSpec(DEFAULT_SPEC_FILE, { validate: true });

    expect(spec.operations.length).toBeGreaterThan(0);
  });

  it('compiles the same operations without validation', async () => {
    const full = await loadSpec(DEFAULT_SPEC_FILE);
    const light = await loadSpec(DEFAULT_SPEC_FILE, { validate: false });

    expect(light.operations.map((operation) => operation.path)).toEqual(
      full.operations.map((operation) => operation.path),
    );
    expect([...light.examples.keys()]).toEqual([...full.examples.keys()]);
  });

  it('validates responses lazily without validation', async () => {
    const light = await loadSpec(DEFAULT_SPEC_FILE, { validate: false });

    expect(light.validateSuccessBody({})).not.toEqual([]);
  });
});
