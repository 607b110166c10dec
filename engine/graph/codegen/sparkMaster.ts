/**
 * The master an export runs on and the parallelism the studio's run had. `local-cluster[...]` is Spark's test-only
 * master (it needs a Spark build on the machine), so exports submit to `local[*]` instead; the studio's default
 * parallelism is then pinned, because it decides how shuffles partition keys and so the order print() shows.
 */
import type { PipelineGraph } from '../types';
import { parseMaster } from '../../cluster/masterUrl';

/** The master a user's spark-submit line and SparkConf default use: the graph's, or local[*] for local-cluster. */
export function submitMaster(graph: PipelineGraph): string {
  return graph.master.trim().startsWith('local-cluster') ? 'local[*]' : graph.master;
}

/**
 * spark.default.parallelism as the studio's run had it: the graph's conf when set, else what Spark's scheduler
 * backend reports (local[N]: N threads; local-cluster[W,C,M]: max(W*C, 2)); undefined for local[*] (machine-bound).
 */
export function studioParallelism(graph: PipelineGraph): number | undefined {
  const conf = graph.conf?.['spark.default.parallelism'];
  if (conf !== undefined && /^\d+$/.test(String(conf).trim())) return Number(conf);
  if (/^local\[\*/.test(graph.master.trim())) return undefined;
  try {
    const spec = parseMaster(graph.master, 1);
    return spec.kind === 'local' ? spec.cores : Math.max(2, spec.workers * spec.coresPerWorker);
  } catch {
    return undefined;
  }
}

/**
 * The conf entry an export adds when its master differs from the studio's: keeps the run's partitioning (and so
 * its output order) on local[*] or a cluster. Undefined when the master is kept or the graph sets it itself.
 */
export function pinnedParallelism(graph: PipelineGraph): number | undefined {
  if (submitMaster(graph) === graph.master || graph.conf?.['spark.default.parallelism'] !== undefined) return undefined;
  return studioParallelism(graph);
}
