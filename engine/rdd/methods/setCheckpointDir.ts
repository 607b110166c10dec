/**
 * Spark's SparkContext.setCheckpointDir: checkpoints go to `<dir>/<uuid>` so that applications sharing a directory
 * do not overwrite each other. Spark's UUID is random; here it comes from the context's seed (same seed, same
 * directory), drawn from its own generator so the seeds of sample() and friends do not shift.
 */
import { joinPath } from '../../core/fileSystem';
import { XORShiftRandom } from '../../core/javaRandom';
import type { SparkContext } from '../SparkContext';

export function checkpointDirFor(sc: SparkContext, dir: string): string {
  const rng = new XORShiftRandom(sc.conf.getInt('spark.dstream.seed', sc.conf.getInt('spark.studio.seed', 42)) + 0x5eed);
  const hex = Array.from({ length: 32 }, () => rng.nextInt(16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.nextInt(4)).toString(16);
  const s = hex.join('');
  return joinPath(dir, `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`);
}
