/**
 * commons-math3 3.6.1's PoissonDistribution(mean).sample() over a Well19937c, as Spark's PoissonSampler and
 * StratifiedSamplingUtils draw it: below a mean of 40, Knuth's product of uniforms (at most 1000 * mean draws);
 * from 40, the rejection algorithm of Devroye ("Non-Uniform Random Variate Generation", p. 511) with Gaussian
 * and exponential deviates from the same generator and logs of factorials from Gamma.logGamma. JS Math stands
 * for FastMath; the two agree except perhaps in the last bit of a result, which only matters on an exact tie.
 */
import { errors } from './errors';
import { Well19937c } from './well19937c';

const PIVOT = 40.0;

export class PoissonDistribution {
  private readonly random: Well19937c;
  private readonly exponential: ExponentialDistribution;

  constructor(readonly mean: number, seed: bigint = 0n) {
    if (!(mean > 0)) throw errors.poissonMeanNotPositive(mean);
    this.random = new Well19937c(seed);
    this.exponential = new ExponentialDistribution(this.random, 1.0);
  }

  reseedRandomGenerator(seed: bigint): void { this.random.setSeed(seed); }

  sample(): number { return Math.min(this.nextPoisson(this.mean), 2147483647); }

  private nextPoisson(meanPoisson: number): number {
    if (meanPoisson < PIVOT) {
      const p = Math.exp(-meanPoisson);
      let n = 0;
      let r = 1.0;
      while (n < 1000 * meanPoisson) {
        r *= this.random.nextDouble();
        if (r >= p) n++;
        else return n;
      }
      return n;
    }
    const lambda = Math.floor(meanPoisson);
    const lambdaFractional = meanPoisson - lambda;
    const logLambda = Math.log(lambda);
    const logLambdaFactorial = factorialLog(lambda);
    const y2 = lambdaFractional < Number.MIN_VALUE ? 0 : this.nextPoisson(lambdaFractional);
    const delta = Math.sqrt(lambda * Math.log((32 * lambda) / Math.PI + 1));
    const halfDelta = delta / 2;
    const twolpd = 2 * lambda + delta;
    const a1 = Math.sqrt(Math.PI * twolpd) * Math.exp(1 / (8 * lambda));
    const a2 = (twolpd / delta) * Math.exp((-delta * (1 + delta)) / twolpd);
    const aSum = a1 + a2 + 1;
    const p1 = a1 / aSum;
    const p2 = a2 / aSum;
    const c1 = 1 / (8 * lambda);
    let x = 0, y = 0, v = 0, a = 0, t = 0, qr = 0, qa = 0;
    for (;;) {
      const u = this.random.nextDouble();
      if (u <= p1) {
        const n = this.random.nextGaussian();
        x = n * Math.sqrt(lambda + halfDelta) - 0.5;
        if (x > delta || x < -lambda) continue;
        y = x < 0 ? Math.floor(x) : Math.ceil(x);
        const e = this.exponential.sample();
        v = -e - (n * n) / 2 + c1;
      } else {
        if (u > p1 + p2) { y = lambda; break; }
        x = delta + (twolpd / delta) * this.exponential.sample();
        y = Math.ceil(x);
        v = -this.exponential.sample() - (delta * (x + 1)) / twolpd;
      }
      a = x < 0 ? 1 : 0;
      t = (y * (y + 1)) / (2 * lambda);
      if (v < -t && a === 0) { y = lambda + y; break; }
      qr = t * ((2 * y + 1) / (6 * lambda) - 1);
      qa = qr - (t * t) / (3 * (lambda + a * (y + 1)));
      if (v < qa) { y = lambda + y; break; }
      if (v > qr) continue;
      if (v < y * logLambda - factorialLog(Math.trunc(y + lambda)) + logLambdaFactorial) { y = lambda + y; break; }
    }
    return y2 + Math.trunc(y);
  }
}

/** commons-math3's ExponentialDistribution.sample: Ahrens & Dieter (1972)'s SA algorithm over the shared generator. */
class ExponentialDistribution {
  constructor(private readonly random: Well19937c, private readonly mean: number) {}

  sample(): number {
    let a = 0;
    let u = this.random.nextDouble();
    while (u < 0.5) { a += EXPONENTIAL_SA_QI[0]; u *= 2; }
    u += u - 1;
    if (u <= EXPONENTIAL_SA_QI[0]) return this.mean * (a + u);
    let i = 0;
    let u2 = this.random.nextDouble();
    let umin = u2;
    do {
      ++i;
      u2 = this.random.nextDouble();
      if (u2 < umin) umin = u2;
    } while (u > EXPONENTIAL_SA_QI[i]);
    return this.mean * (a + umin * EXPONENTIAL_SA_QI[0]);
  }
}

/** qi = sum over k = 1..i of ln(2)^k / k!, until it reaches 1 (ExponentialDistribution's static table). */
const EXPONENTIAL_SA_QI: readonly number[] = (() => {
  const LN2 = Math.log(2);
  const out: number[] = [];
  let qi = 0, factorial = 1;
  for (let i = 1; qi < 1; i++) {
    factorial *= i;
    qi += Math.pow(LN2, i) / factorial;
    out.push(qi);
  }
  return out;
})();

/** CombinatoricsUtils.factorialLog: log(n!) from the exact table below 21, Gamma.logGamma(n + 1) above. */
function factorialLog(n: number): number {
  if (n < 21) {
    let f = 1n;
    for (let i = 2n; i <= BigInt(n); i++) f *= i;
    return Math.log(Number(f)); // the long n!, rounded to a double once, as Java converts it
  }
  return logGamma(n + 1);
}

const LANCZOS_G = 607.0 / 128.0;
const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.21743961811521264320e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.26190838401581408670e-4, 0.36899182659531622704e-5,
];
const HALF_LOG_2_PI = 0.5 * Math.log(2.0 * Math.PI);

/** Gamma.logGamma for x > 8 (the only range factorialLog reaches): Lanczos' approximation. */
function logGamma(x: number): number {
  let sum = 0;
  for (let i = LANCZOS.length - 1; i > 0; --i) sum += LANCZOS[i] / (x + i);
  sum += LANCZOS[0];
  const tmp = x + LANCZOS_G + 0.5;
  return (x + 0.5) * Math.log(tmp) - tmp + HALF_LOG_2_PI + Math.log(sum / x);
}
