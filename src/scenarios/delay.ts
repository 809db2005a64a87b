import type { DelayDefinition } from './scenario-document';
import type { Random } from './seeded-random';

/**
 * Maximum delay the mock applies, in milliseconds, and how long HANG
 * keeps a connection open. A control asking for more is rejected, and a drawn
 * delay is cut to it, so no request can hold the mock forever.
 */
export const MAX_DELAY_MS = 60_000;

/** Draws a delay in milliseconds, from 0 to MAX_DELAY_MS. */
export type DelaySampler = (random: Random) => number;

/**
 * Compiles a delay of the scenario file into a sampler. A lognormal delay
 * has the given median and a spread of `sigma` in log space: a long tail, as
 * network latency often has.
 *
 * @example
 * const sample = compileDelay({ uniform: { min: 100, max: 300 } });
 * sample(createRandom(1)); // a whole number from 100 to 300
 */
export function compileDelay(definition: DelayDefinition): DelaySampler {
  if (typeof definition === 'number') return () => capDelay(definition);
  if ('fixed' in definition) return () => capDelay(definition.fixed);
  if ('uniform' in definition) {
    const { min, max } = definition.uniform;
    return (random) => capDelay(min + random() * (max - min + 1));
  }
  const { median, sigma } = definition.lognormal;
  return (random) => capDelay(median * Math.exp(sigma * drawNormal(random)));
}

/** Rounds a delay down to whole milliseconds within 0 and MAX_DELAY_MS. */
export function capDelay(ms: number): number {
  return Math.min(MAX_DELAY_MS, Math.max(0, Math.floor(ms)));
}

/** Draws a standard normal number with the Box-Muller transform. */
function drawNormal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
