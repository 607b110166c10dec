/**
 * PairRDDFunctionsSuite's "sampleByKey" and "sampleByKeyExact" (its StratifiedAuxiliary checks), with n up to
 * 10,000 where Spark's suite goes to 1,000,000.
 */
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';
import type { RDD } from '../RDD';

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
/** StratifiedAuxiliary.stratifier, as source text (the threshold is a literal, so the shipped function has no free variable). */
const stratifier = (fractionPositive: number) => `(x) => (x % 10 < ${Math.trunc(10 * fractionPositive)} ? '1' : '0')`;

/** Binomial(trials, p) CDF at k, summed in log space (the suite uses commons-math's BinomialDistribution). */
function binomialCdf(k: number, trials: number, p: number): number {
  let logPmf = trials * Math.log1p(-p), sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += Math.exp(logPmf);
    logPmf += Math.log((trials - i) / (i + 1)) + Math.log(p / (1 - p));
  }
  return sum;
}

/** Poisson(mean) CDF at k. */
function poissonCdf(k: number, mean: number): number {
  let logPmf = -mean, sum = 0;
  for (let i = 0; i <= k; i++) { sum += Math.exp(logPmf); logPmf += Math.log(mean / (i + 1)); }
  return sum;
}

function binomialSampleOk(exact: boolean, actual: number, trials: number, p: number): boolean {
  if (exact) return actual === Math.ceil(p * trials);
  const q = binomialCdf(actual, trials, p);
  return q > 0.0 && q < 1.0;
}

function poissonSampleOk(exact: boolean, actual: number, trials: number, p: number): boolean {
  if (exact) return actual === Math.ceil(p * trials);
  const q = poissonCdf(actual, p * trials);
  return q >= 0.001 && q <= 0.999;
}

async function testBernoulli(data: RDD<[string, number]>, exact: boolean, samplingRate: number, seed: number, n: number): Promise<boolean> {
  const trials = await data.countByKey();
  const fractions = new Map([['1', samplingRate], ['0', samplingRate]]);
  const sample = exact ? await data.sampleByKeyExact(false, fractions, seed) : data.sampleByKey(false, fractions, seed);
  const sampleCounts = await sample.countByKey();
  const takeSample = await sample.collect();
  return [...sampleCounts].every(([k, v]) => binomialSampleOk(exact, v, trials.get(k)!, samplingRate)) &&
    takeSample.length === new Set(takeSample.map((kv) => kv[1])).size && takeSample.every(([, x]) => x >= 1 && x <= n);
}

async function testPoisson(data: RDD<[string, number]>, exact: boolean, samplingRate: number, seed: number, n: number): Promise<boolean> {
  const trials = await data.countByKey();
  const expectedSampleSize = new Map([...trials].map(([k, c]) => [k, Math.ceil(c * samplingRate)]));
  const fractions = new Map([['1', samplingRate], ['0', samplingRate]]);
  const sample = exact ? await data.sampleByKeyExact(true, fractions, seed) : data.sampleByKey(true, fractions, seed);
  const sampleCounts = await sample.countByKey();
  const takeSample = await sample.collect();
  const ok = [...sampleCounts].every(([k, v]) => poissonSampleOk(exact, v, trials.get(k)!, samplingRate));
  const byKey = new Map<string, number[]>();
  for (const [k, v] of takeSample) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  const repeats = [...byKey].every(([key, vs]) => {
    const distinct = new Set(vs).size, expected = expectedSampleSize.get(key)!;
    if (expected >= 100 && samplingRate >= 0.1) return distinct < expected; // repeats with high likelihood
    return exact ? distinct <= expected : poissonSampleOk(false, distinct, trials.get(key)!, samplingRate);
  });
  return ok && repeats && takeSample.every(([, x]) => x >= 1 && x <= n);
}

function stratifiedCases(exact: boolean): RddDoctest[] {
  const name = exact ? 'sampleByKeyExact' : 'sampleByKey';
  const defaultSeed = 1;
  const cases: RddDoctest[] = [];
  for (const n of [100, 1000, 10000]) {
    cases.push({ source: `PairRDDFunctionsSuite "${name}" (n = ${n}, fractionPositive 0.3, rate 0.1)`, run: async (sc) => {
      const data = sc.parallelize(range(1, n + 1), 2).keyBy<string>(stratifier(0.3));
      return [await testBernoulli(data, exact, 0.1, defaultSeed, n), await testPoisson(data, exact, 0.1, defaultSeed, n)];
    }, expected: [true, true] });
  }
  for (const fractionPositive of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    cases.push({ source: `PairRDDFunctionsSuite "${name}" (fractionPositive ${fractionPositive})`, run: async (sc) => {
      const n = 100;
      const data = sc.parallelize(range(1, n + 1), 2).keyBy<string>(stratifier(fractionPositive));
      return [await testBernoulli(data, exact, 0.1, defaultSeed, n), await testPoisson(data, exact, 0.1, defaultSeed, n)];
    }, expected: [true, true] });
  }
  for (let seed = defaultSeed; seed <= defaultSeed + 5; seed++) {
    cases.push({ source: `PairRDDFunctionsSuite "${name}" (seed ${seed})`, run: async (sc) => {
      const n = 100;
      const data = sc.parallelize(range(1, n + 1), 2).keyBy<string>(stratifier(0.3));
      return [await testBernoulli(data, exact, 0.1, seed, n), await testPoisson(data, exact, 0.1, seed, n)];
    }, expected: [true, true] });
  }
  for (const samplingRate of [0.01, 0.05, 0.1, 0.5]) {
    cases.push({ source: `PairRDDFunctionsSuite "${name}" (samplingRate ${samplingRate})`, run: async (sc) => {
      const n = 100;
      const data = sc.parallelize(range(1, n + 1), 2).keyBy<string>(stratifier(0.3));
      return [await testBernoulli(data, exact, samplingRate, defaultSeed, n), await testPoisson(data, exact, samplingRate, defaultSeed, n)];
    }, expected: [true, true] });
  }
  return cases;
}

runDoctests('stratified sampling (PairRDDFunctionsSuite)', [...stratifiedCases(false), ...stratifiedCases(true)]);
