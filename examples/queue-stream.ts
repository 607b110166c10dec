/**
 * Spark's QueueStream example (examples/streaming/QueueStream.scala) in TypeScript.
 *
 * A queue of RDDs is the input: one RDD (1 to 1000, in 10 partitions) is pushed per batch, each number
 * becomes (x % 10, 1), and reduceByKey counts them. Every batch prints
 * (4,100) (0,100) (6,100) (8,100) (2,100) (1,100) (3,100) (7,100) (9,100) (5,100), exactly as Spark does
 * on local[2].
 *
 *   npm run pipeline -- examples/queue-stream.ts        (DSTREAM_BATCHES=3, DSTREAM_MASTER=local[2])
 */
import { pathToFileURL } from 'node:url';
import { SparkConf, StreamingContext, Seconds } from '../engine/index';
import type { RDD } from '../engine/index';

export interface ExampleOptions {
  /** Batch intervals to run on the manual clock (env DSTREAM_BATCHES, default 3). */
  batches?: number;
  /** Where print() writes (default: the console). */
  stdout?: (text: string) => void;
  /** Master URL (env DSTREAM_MASTER, default local[2]). */
  master?: string;
}

export async function main(opts: ExampleOptions = {}): Promise<void> {
  const batches = opts.batches ?? Number(process.env.DSTREAM_BATCHES ?? 3);
  const master = opts.master ?? process.env.DSTREAM_MASTER ?? 'local[2]';

  const sparkConf = new SparkConf().setMaster(master).setAppName('QueueStream').set('spark.streaming.clock', 'manual');
  // Create the context
  const ssc = new StreamingContext(sparkConf, Seconds(1));
  if (opts.stdout) ssc.stdout = opts.stdout;

  // Create the queue through which RDDs can be pushed to a QueueInputDStream
  const rddQueue: RDD<number>[] = [];

  // Create the QueueInputDStream and use it do some processing
  const inputStream = ssc.queueStream(rddQueue);
  const mappedStream = inputStream.map((x: number) => [x % 10, 1] as [number, number]);
  const reducedStream = mappedStream.reduceByKey((a: number, b: number) => a + b);
  reducedStream.print();
  await ssc.start();

  // Create and push some RDDs into rddQueue, one per batch interval
  const oneToThousand = Array.from({ length: 1000 }, (_, i) => i + 1);
  try {
    for (let i = 1; i <= batches; i++) {
      rddQueue.push(ssc.sparkContext.parallelize(oneToThousand, 10));
      await ssc.step(1);
    }
  } finally {
    await ssc.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
