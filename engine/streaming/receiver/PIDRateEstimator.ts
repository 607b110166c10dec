import type { SparkConf } from '../../core/conf';
import { errors } from '../../core/errors';

/**
 * Spark's PIDRateEstimator: the back-pressure rate (records/s) from each batch's processing and scheduling
 * delays. Defaults: proportional 1.0, integral 0.2, derived 0.0, minRate 100.
 */
export class PIDRateEstimator {
  private firstRun = true;
  private latestTime = -1;
  private latestRate = -1;
  private latestError = -1;

  constructor(private readonly batchIntervalMillis: number, private readonly proportional = 1.0, private readonly integral = 0.2,
    private readonly derivative = 0.0, private readonly minRate = 100) {
    if (!(batchIntervalMillis > 0)) throw errors.pidBatchInterval(batchIntervalMillis);
    if (!(proportional >= 0)) throw errors.pidProportional(proportional);
    if (!(integral >= 0)) throw errors.pidIntegral(integral);
    if (!(derivative >= 0)) throw errors.pidDerivative(derivative);
    if (!(minRate > 0)) throw errors.pidMinRate();
  }

  /** Spark's RateEstimator.create: the `spark.streaming.backpressure.pid.*` settings. */
  static fromConf(conf: SparkConf, batchIntervalMillis: number): PIDRateEstimator {
    const name = conf.get('spark.streaming.backpressure.rateEstimator', 'pid');
    if (name !== 'pid') throw errors.unknownRateEstimator(name);
    return new PIDRateEstimator(batchIntervalMillis,
      conf.getDouble('spark.streaming.backpressure.pid.proportional', 1.0), conf.getDouble('spark.streaming.backpressure.pid.integral', 0.2),
      conf.getDouble('spark.streaming.backpressure.pid.derived', 0.0), conf.getDouble('spark.streaming.backpressure.pid.minRate', 100));
  }

  /** The new rate, or undefined when there is not enough information yet (Spark returns None). */
  compute(time: number, numElements: number, processingDelay: number, schedulingDelay: number): number | undefined {
    if (!(time > this.latestTime && numElements > 0 && processingDelay > 0)) return undefined;
    const delaySinceUpdate = (time - this.latestTime) / 1000;
    const processingRate = (numElements / processingDelay) * 1000;
    const error = this.latestRate - processingRate;
    const historicalError = (schedulingDelay * processingRate) / this.batchIntervalMillis;
    const dError = (error - this.latestError) / delaySinceUpdate;
    const newRate = Math.max(this.latestRate - this.proportional * error - this.integral * historicalError - this.derivative * dError, this.minRate);
    this.latestTime = time;
    if (this.firstRun) {
      this.latestRate = processingRate;
      this.latestError = 0;
      this.firstRun = false;
      return undefined;
    }
    this.latestRate = newRate;
    this.latestError = error;
    return newRate;
  }
}
