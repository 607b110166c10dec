/**
 * Spark's SamplingUtils bounds (PoissonBounds, BinomialBounds): sampling rates that reach a sample size with
 * high probability, used by takeSample and sampleByKeyExact.
 */

/** PoissonBounds' number of standard deviations for a sample size s. */
function numStd(s: number): number { return s < 6.0 ? 12.0 : s < 16.0 ? 9.0 : 6.0; }

export function poissonLowerBound(s: number): number { return Math.max(s - numStd(s) * Math.sqrt(s), 1e-15); }
export function poissonUpperBound(s: number): number { return Math.max(s + numStd(s) * Math.sqrt(s), 1e-10); }

export function binomialLowerBound(delta: number, n: number, fraction: number): number {
  const gamma = (-Math.log(delta) / n) * (2.0 / 3.0);
  return fraction + gamma - Math.sqrt(gamma * gamma + 3 * gamma * fraction);
}

export function binomialUpperBound(delta: number, n: number, fraction: number): number {
  const gamma = -Math.log(delta) / n;
  return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
}
