/**
 * commons-math3's Well19937c (Panneton, L'Ecuyer, Matsumoto's WELL generator with Matsumoto-Kurita tempering),
 * the default generator of its distributions: Spark's PoissonSampler draws from a PoissonDistribution backed by
 * one, reseeded per partition. Seeding (AbstractWell.setSeed) and `nextDouble` (BitsStreamGenerator: 52 bits
 * from two 26-bit draws) follow commons-math bit for bit.
 */
const R = 624; // (19937 + 31) / 32 blocks of 32 bits
const M1 = 70, M2 = 179, M3 = 449;

const iRm1 = new Int32Array(R), iRm2 = new Int32Array(R), i1 = new Int32Array(R), i2 = new Int32Array(R), i3 = new Int32Array(R);
for (let j = 0; j < R; j++) {
  iRm1[j] = (j + R - 1) % R;
  iRm2[j] = (j + R - 2) % R;
  i1[j] = (j + M1) % R;
  i2[j] = (j + M2) % R;
  i3[j] = (j + M3) % R;
}

export class Well19937c {
  private readonly v = new Int32Array(R);
  private index = 0;

  constructor(seed: bigint) { this.setSeed(seed); }

  /** AbstractWell.setSeed(long): the seed's high and low ints, then Knuth's 1812433253 expansion. */
  setSeed(seed: bigint): void {
    const s = BigInt.asUintN(64, seed);
    const ints = [Number(BigInt.asIntN(32, s >> 32n)), Number(BigInt.asIntN(32, s))];
    this.v[0] = ints[0];
    this.v[1] = ints[1];
    for (let i = ints.length; i < R; i++) {
      const l = this.v[i - ints.length];
      // (1812433253L * (l ^ (l >> 30)) + i) & 0xffffffff: only the low 32 bits matter, so int arithmetic is exact
      this.v[i] = (Math.imul(1812433253, l ^ (l >> 30)) + i) | 0;
    }
    this.index = 0;
    this.nextGaussianValue = Number.NaN; // BitsStreamGenerator.clear()
  }

  /** Well19937c.next(bits). */
  next(bits: number): number {
    const v = this.v, index = this.index;
    const indexRm1 = iRm1[index], indexRm2 = iRm2[index];
    const v0 = v[index], vM1 = v[i1[index]], vM2 = v[i2[index]], vM3 = v[i3[index]];
    const z0 = (0x80000000 & v[indexRm1]) ^ (0x7fffffff & v[indexRm2]);
    const z1 = (v0 ^ (v0 << 25)) ^ (vM1 ^ (vM1 >>> 27));
    const z2 = (vM2 >>> 9) ^ (vM3 ^ (vM3 >>> 1));
    const z3 = z1 ^ z2;
    let z4 = z0 ^ (z1 ^ (z1 << 9)) ^ (z2 ^ (z2 << 21)) ^ (z3 ^ (z3 >>> 21));
    v[index] = z3;
    v[indexRm1] = z4;
    v[indexRm2] &= 0x80000000;
    this.index = indexRm1;
    z4 ^= (z4 << 7) & 0xe46e1700;
    z4 ^= (z4 << 15) & 0x9b868000;
    return bits >= 32 ? z4 | 0 : z4 >>> (32 - bits);
  }

  private nextGaussianValue = Number.NaN;

  /** BitsStreamGenerator.nextGaussian: Box-Muller on two nextDouble()s, the second deviate kept for the next call. */
  nextGaussian(): number {
    if (!Number.isNaN(this.nextGaussianValue)) {
      const g = this.nextGaussianValue;
      this.nextGaussianValue = Number.NaN;
      return g;
    }
    const x = this.nextDouble();
    const y = this.nextDouble();
    const alpha = 2 * Math.PI * x;
    const r = Math.sqrt(-2 * Math.log(y));
    this.nextGaussianValue = r * Math.sin(alpha);
    return r * Math.cos(alpha);
  }

  /** BitsStreamGenerator.nextDouble: ((long) next(26) << 26 | next(26)) * 2^-52. */
  nextDouble(): number {
    const high = this.next(26) * 67108864;
    const low = this.next(26);
    return (high + low) * Number.EPSILON; // 2^-52
  }
}
