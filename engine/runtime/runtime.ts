/**
 * What a host gives the engine (DESIGN.md, "Composition root"): each host (Node, a browser worker, in-process)
 * builds one runtime and passes it to `new SparkContext(conf, { runtime })`; no engine module keeps
 * host-dependent state of its own. A context given no runtime uses its host's (engine/runtime/hostRuntime.ts).
 */
import type { Clock } from '../core/clock';
import type { FileSystem } from '../core/fileSystem';
import type { ShippedGlobals } from '../core/shippedGlobals';
import type { WorkerSpawner } from '../cluster/spawner';
import type { SocketConnector } from '../streaming/input/socketConnector';

/** Settings a command line hands a program it runs (`npm run pipeline -- --master M --task-timeout MS`). */
export interface HostOverrides {
  /** Replaces the SparkConf master, as spark-submit's --master does. */
  master?: string;
  /** spark.studio.task.timeout when the conf does not set it, in milliseconds. */
  taskTimeoutMs?: string;
}

export interface EngineRuntime {
  /** Where a context keeps its files (saveAsTextFiles, textFileStream, checkpoints) when it is given none. */
  readonly fileSystem: () => FileSystem;
  /** Starts the executor workers of local-cluster masters; undefined: this host runs local masters only. */
  readonly workerSpawner?: () => WorkerSpawner;
  /** Where socketTextStream connects. */
  readonly connectSocket: SocketConnector;
  /** The engine values shipped functions may name (the same table on the driver and the executors). */
  readonly shippedGlobals: ShippedGlobals;
  /** The clock of contexts given none ('system' clock). */
  readonly clock: () => Clock;
  /** Where print() writes and where the engine's log lines go, unless a program replaces ssc.stdout. */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Read when a context is created, so a command line may set them after the engine has loaded. */
  readonly overrides: () => HostOverrides;
  /** Spark's application id of the next context (`local-0000000000001`, counted per runtime). */
  nextApplicationId(): string;
}

export type RuntimeParts = Omit<EngineRuntime, 'nextApplicationId' | 'overrides'> & { overrides?: () => HostOverrides };

/** A runtime from its parts; applications are numbered from 1 in each runtime. */
export function createRuntime(parts: RuntimeParts): EngineRuntime {
  let applications = 0;
  return Object.freeze({
    overrides: () => ({}),
    ...parts,
    nextApplicationId: () => `local-${String(++applications).padStart(13, '0')}`,
  });
}

/** Writes to a console: lines without their final newline (a console adds its own). */
export function consoleWriter(write: (line: string) => void): (text: string) => void {
  return (text) => write(text.endsWith('\n') ? text.slice(0, -1) : text);
}
