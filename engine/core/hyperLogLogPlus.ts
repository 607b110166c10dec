/**
 * stream-lib's HyperLogLogPlus in its normal (dense) representation, as Spark's RDD.countApproxDistinct(p, 0)
 * uses it: each record hashed with stream-lib's MurmurHash.hash64 of its JVM toString (MurmurHash64A, seed
 * 0xe17a1465, over the UTF-8 bytes), the top p bits pick one of 2^p registers and the register keeps the
 * longest run of leading zeros (+1) of the remaining bits.
 *
 * Cardinality: the harmonic-mean estimate, with linear counting below HLL++'s threshold for p. HLL++'s empirical
 * bias tables (for estimates up to 5 * 2^p) are not ported; in their place the original HyperLogLog's rule
 * (linear counting up to 2.5 * 2^p) applies, so estimates in that band can differ from Spark's by a few
 * percent. Sparse mode (sp > 0) is not ported.
 */
import { formatRecord } from './format';

const M64 = 0xc6a4a7935bd1e995n;
const MASK64 = (1n << 64n) - 1n;
/** HLL++'s linear-counting thresholds for p = 4..18. */
const THRESHOLD = [10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000];

/** stream-lib's MurmurHash.hash64(byte[], length, seed) (MurmurHash64A), as an unsigned 64-bit bigint. */
export function murmurHash64(data: Uint8Array, seed = 0xe17a1465): bigint {
  const length = data.length;
  let h = (BigInt(seed >>> 0) ^ ((BigInt(length) * M64) & MASK64)) & MASK64;
  const length8 = Math.floor(length / 8);
  for (let i = 0; i < length8; i++) {
    const i8 = i * 8;
    let k = 0n;
    for (let b = 7; b >= 0; b--) k = (k << 8n) | BigInt(data[i8 + b]);
    k = (k * M64) & MASK64;
    k ^= k >> 47n;
    k = (k * M64) & MASK64;
    h ^= k;
    h = (h * M64) & MASK64;
  }
  const rest = length % 8;
  if (rest > 0) {
    const base = length & ~7;
    for (let b = rest - 1; b >= 0; b--) h ^= BigInt(data[base + b]) << BigInt(8 * b);
    h = (h * M64) & MASK64;
  }
  h ^= h >> 47n;
  h = (h * M64) & MASK64;
  h ^= h >> 47n;
  return h;
}

const utf8 = new TextEncoder();

/** A HyperLogLogPlus(p, 0) sketch; plain data (`registers`) so it crosses workers. */
export class HyperLogLogPlus {
  readonly registers: number[];

  constructor(readonly p: number, registers?: number[]) {
    this.registers = registers ?? new Array<number>(1 << p).fill(0);
  }

  /** stream-lib's offer(Object): hash64 of the value's toString (a string's own bytes). */
  offer(x: unknown): void { this.offerHashed(murmurHash64(utf8.encode(typeof x === 'string' ? x : formatRecord(x)))); }

  offerHashed(hashed: bigint): void {
    const p = this.p;
    const idx = Number(hashed >> BigInt(64 - p));
    const rest = ((hashed << BigInt(p)) & MASK64) | BigInt(1 << (p - 1));
    const w = numberOfLeadingZeros64(rest) + 1;
    if (w > this.registers[idx]) this.registers[idx] = w;
  }

  addAll(other: HyperLogLogPlus): void {
    for (let i = 0; i < this.registers.length; i++) this.registers[i] = Math.max(this.registers[i], other.registers[i]);
  }

  cardinality(): number {
    const m = this.registers.length;
    let registerSum = 0, zeros = 0;
    for (const v of this.registers) { registerSum += 1 / 2 ** v; if (v === 0) zeros++; }
    const estimate = alphaMM(this.p, m) / registerSum;
    const linear = zeros > 0 ? m * Math.log(m / zeros) : estimate;
    const threshold = this.p <= 18 ? THRESHOLD[this.p - 4] : 5 * m;
    if (zeros > 0 && (linear < threshold || estimate <= 2.5 * m)) return Math.round(linear);
    return Math.round(estimate);
  }
}

function alphaMM(p: number, m: number): number {
  switch (p) {
    case 4: return 0.673 * m * m;
    case 5: return 0.697 * m * m;
    case 6: return 0.709 * m * m;
    default: return (0.7213 / (1 + 1.079 / m)) * m * m;
  }
}

function numberOfLeadingZeros64(x: bigint): number {
  if (x === 0n) return 64;
  const hi = Number(x >> 32n);
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(Number(x & 0xffffffffn));
}
