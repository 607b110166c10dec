/**
 * What failed travels as a code beside Spark's words: a failed task's taskEnd, the job's jobEnd (the abort and its
 * first task failure) and a failed output operation carry the ErrorCode readers switch on, in local mode and across
 * worker executors. An error the user's function threw itself is USER_FUNCTION_ERROR; the engine's own keep theirs.
 */
import { describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import type { ErrorCode } from '../core/errors';
import type { EngineEvent } from '../core/events';
import { Seconds, StreamingContext } from '../index';
import { SparkContext } from '../rdd/SparkContext';
import type { RDD } from '../rdd/RDD';

type Ev<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
const of = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) => events.filter((e): e is Ev<T> => e.type === type);

interface JobCase {
  name: string;
  /** The job, as an action on an RDD of [1, 2, 3]. */
  job: (rdd: RDD<number>) => Promise<unknown>;
  errorCode: ErrorCode;
  causeCode: ErrorCode;
}

const CASES: JobCase[] = [
  {
    name: 'a map function that calls what is not a function',
    // Given as source text, as a graph document's functions are: a typo no type checker saw.
    job: (rdd) => rdd.map<string>('(x) => x.toUpperCas()').collect(),
    errorCode: 'JOB_ABORTED', causeCode: 'USER_FUNCTION_ERROR',
  },
  {
    name: 'a filter function that reads a name that is not defined',
    job: (rdd) => rdd.filter((x) => x > Number(JSON.parse('{"a": 1}').a.b.c)).count(),
    errorCode: 'JOB_ABORTED', causeCode: 'USER_FUNCTION_ERROR',
  },
  {
    name: 'reduceByKey over records that are not pairs (the engine\'s own error)',
    // The source claims pairs and returns the numbers themselves, which only the executor finds out.
    job: (rdd) => rdd.map<[number, number]>('(x) => x').reduceByKey((a, b) => a + b).collect(),
    errorCode: 'JOB_ABORTED', causeCode: 'NOT_A_PAIR',
  },
];

describe.each(['local[2]', 'local-cluster[2,1,512]'])('failure codes on %s', (master) => {
  it.each(CASES)('$name', async ({ job, errorCode, causeCode }) => {
    const sc = new SparkContext(new SparkConf().setMaster(master).setAppName('failureCodes'));
    const events: EngineEvent[] = [];
    sc.addSparkListener((e) => { events.push(e); });
    try {
      await expect(job(sc.parallelize([1, 2, 3], 2))).rejects.toThrow();
      const failed = of(events, 'taskEnd').filter((e) => e.reason !== 'Success');
      expect(failed.length).toBeGreaterThan(0);
      expect(new Set(failed.map((e) => e.failureCode))).toEqual(new Set([causeCode]));
      expect(of(events, 'jobEnd').at(-1)).toMatchObject({ result: 'JobFailed', errorCode, causeCode });
    } finally {
      await sc.stop();
    }
  }, 30_000);
});

describe('failure codes of output operations', () => {
  it('a foreachRDD function that throws on the driver fails its output operation as a user function error', async () => {
    const ssc = new StreamingContext(new SparkConf().setMaster('local[2]').setAppName('failureCodes').set('spark.streaming.clock', 'manual'), Seconds(1));
    ssc.stdout = () => undefined;
    ssc.stderr = () => undefined;
    const events: EngineEvent[] = [];
    ssc.addStreamingListener((e) => { events.push(e); });
    const queue = [ssc.sparkContext.parallelize([1, 2], 1)];
    // A method RDDs do not have, looked up at run time as untyped user code would.
    ssc.queueStream(queue).foreachRDD((rdd) => { const sendTo: unknown = Reflect.get(rdd, 'sendTo'); (sendTo as (db: string) => void)('db'); });
    try {
      await ssc.start();
      await ssc.step(1).catch(() => undefined);
    } finally {
      await ssc.stop().catch(() => undefined);
    }
    const done = of(events, 'outputOperationCompleted').map((e) => e.outputOperationInfo);
    expect(done[0]).toMatchObject({ failureCode: 'USER_FUNCTION_ERROR' });
    expect(done[0].failureReason).toMatch(/is not a function/);
  });
});
