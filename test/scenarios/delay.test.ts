import { compileDelay, MAX_DELAY_MS } from '../../src/scenarios/delay';
import { createRandom } from '../../src/scenarios/seeded-random';

function draw(
  definition: Parameters<typeof compileDelay>[0],
  seed: number,
  count: number,
): number[] {
  const sample = compileDelay(definition);
  const random = createRandom(seed);
  return Array.from({ length: count }, () => sample(random));
}

describe('compileDelay', () => {
  it('returns a fixed delay', () => {
    expect(draw(250, 1, 3)).toEqual([250, 250, 250]);
    expect(draw({ fixed: 40 }, 1, 1)).toEqual([40]);
  });

  it('draws uniform delays within bounds', () => {
    const delays = draw({ uniform: { min: 100, max: 110 } }, 3, 200);

    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(110);
    expect(new Set(delays).size).toBeGreaterThan(5);
  });

  it('draws lognormal delays around the median', () => {
    const delays = draw(
      { lognormal: { median: 200, sigma: 0.5 } },
      5,
      1001,
    ).sort((a, b) => a - b);
    const median = delays[500] ?? 0;

    expect(median).toBeGreaterThan(170);
    expect(median).toBeLessThan(230);
  });

  it('repeats draws for the same seed', () => {
    const definition = { lognormal: { median: 200, sigma: 1 } };

    expect(draw(definition, 9, 10)).toEqual(draw(definition, 9, 10));
  });

  it('caps delays at the maximum', () => {
    expect(draw(10 * MAX_DELAY_MS, 1, 1)).toEqual([MAX_DELAY_MS]);
  });
});
