import fc from 'fast-check';

import {
  compileScenarios,
  type MatchInput,
} from '../../src/scenarios/compile-scenarios';
import type { ScenarioDocument } from '../../src/scenarios/scenario-document';
import { createScenarioRuntime } from '../../src/scenarios/scenario-runtime';

const context = { examples: new Map<string, unknown>() };
const INPUT: MatchInput = { appId: 'a_1', identifier: 'u', headers: {} };

function picks(
  document: ScenarioDocument,
  count: number,
): Array<string | undefined> {
  const runtime = createScenarioRuntime(
    compileScenarios(document, 'test', context),
  );
  return Array.from({ length: count }, () => runtime.pick(INPUT)?.name);
}

describe('createScenarioRuntime', () => {
  it('repeats probability draws for any seed (seed 11)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, probability) => {
          const document = {
            scenarios: [
              { name: 'a', probability, seed, outcome: { code: '7001' } },
            ],
          };

          expect(picks(document, 30)).toEqual(picks(document, 30));
        },
      ),
      { seed: 11 },
    );
  });

  it('fires near the given share of calls', () => {
    const document = {
      scenarios: [
        { name: 'a', probability: 0.25, seed: 3, outcome: { code: '7001' } },
      ],
    };

    const fired = picks(document, 2000).filter((name) => name === 'a').length;

    expect(fired).toBeGreaterThan(400);
    expect(fired).toBeLessThan(600);
  });

  it('counts only calls that got the scenario', () => {
    const document: ScenarioDocument = {
      scenarios: [
        {
          name: 'seq',
          match: { identifier: 'u' },
          sequence: [{ times: 1, outcome: { code: '7001' } }],
        },
      ],
    };
    const runtime = createScenarioRuntime(
      compileScenarios(document, 'test', context),
    );

    const other = runtime.pick({ ...INPUT, identifier: 'v' });
    const first = runtime.pick(INPUT);
    const second = runtime.pick(INPUT);

    expect(other).toBeUndefined();
    expect(first?.name).toBe('seq');
    expect(second).toBeUndefined();
  });

  it('draws the same delays for the same seed', () => {
    const document = {
      scenarios: [
        {
          name: 'a',
          seed: 5,
          outcome: { delay: { uniform: { min: 0, max: 1000 } } },
        },
      ],
    };
    const draw = () => {
      const runtime = createScenarioRuntime(
        compileScenarios(document, 'test', context),
      );
      return Array.from({ length: 5 }, () => {
        const pick = runtime.pick(INPUT);
        return pick?.plan.delay?.(pick.random);
      });
    };

    expect(draw()).toEqual(draw());
  });
});
