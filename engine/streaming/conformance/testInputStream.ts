/**
 * Spark's TestInputStream (streaming/src/test/.../TestSuiteBase.scala): the input of batch time t is
 * `input((t - zeroTime) / slideDuration - 1)`, made with makeRDD(batch, numPartitions); a null batch
 * yields no RDD at all (compute returns None), which is how Spark's suites test parents without RDDs.
 * The runner uses queueStream for ordinary inputs and this stream only for inputs with null batches.
 */
import type { Time } from '../../core/time';
import type { RDD } from '../../rdd/RDD';
import type { DStreamContext } from '../dstream/DStreamContext';
import { InputDStream } from '../input/InputDStream';

export class TestInputStream<T> extends InputDStream<T> {
  readonly opName = 'testInputStream';
  readonly name: string;
  constructor(ssc: DStreamContext, private readonly input: (T[] | null)[], private readonly numPartitions = 2) {
    super(ssc);
    this.name = `test input stream [${this.inputStreamId}]`;
  }
  compute(validTime: Time): RDD<T> | undefined {
    const index = Math.round(validTime.minus(this.zeroTime!).milliseconds / this.slideDuration.milliseconds) - 1;
    const selectedInput = index < this.input.length ? this.input[index] : [];
    // lets us test cases where RDDs are not created
    if (selectedInput === null) return undefined;
    return this.ssc.sparkContext.makeRDD(selectedInput, this.numPartitions);
  }
}
