import { ManualClock, SystemClock, type Clock } from '../core/clock';
import { SparkConf } from '../core/conf';
import { nextHostTurn, realDelay, withRealTimeout } from '../core/hostTimers';
import { errors } from '../core/errors';
import type { EngineEvent, EngineListener } from '../core/events';
import { Duration, Time } from '../core/time';
import type { RDD } from '../rdd/RDD';
import { SparkContext } from '../rdd/SparkContext';
import type { EngineRuntime } from '../runtime/runtime';
import { StorageLevel } from '../rdd/storageLevel';
import { DStreamGraph } from './DStreamGraph';
import { dstreamGraphEvent } from './dstreamGraphEvent';
import type { DStream } from './dstream/DStream';
import type { DStreamContext } from './dstream/DStreamContext';
import { DSTREAM_FAMILIES } from './dstream/families';
import { FaultInjector } from './faults';
import { FileInputDStream } from './input/FileInputDStream';
import { DirectKafkaInputDStream, type DirectKafkaOptions } from './input/kafka';
import { PluggableInputDStream } from './input/PluggableInputDStream';
import { QueueInputDStream } from './input/QueueInputDStream';
import { RateReceiver, type RateOptions } from './input/rate';
import type { ReceiverInputDStream } from './input/ReceiverInputDStream';
import { SocketReceiver } from './input/socket';
import { TwitterReceiver, type Status, type TwitterOptions } from './input/twitter';
import type { JobGenerator } from './JobGenerator';
import { JobScheduler } from './JobScheduler';
import type { Receiver } from './receiver/Receiver';
import { ReceiverTracker } from './receiver/ReceiverTracker';
import { Checkpointer } from './checkpoint';
import { applyRecovery, getOrCreate, type GetOrCreateOptions, type RecoveryPlan } from './recovery';

export type StreamingContextState = 'INITIALIZED' | 'ACTIVE' | 'STOPPED';


/**
 * Spark's StreamingContext: the DStream graph, its clock, the job generator and scheduler, and the receivers.
 * DStreams see it as a DStreamContext; the job scheduler (which owns the generator, the input info tracker, the
 * record sampler and the cleaner) reads it as a JobSchedulerContext.
 */
export class StreamingContext implements DStreamContext {
  readonly sparkContext: SparkContext;
  readonly graph: DStreamGraph;
  readonly clock: Clock;
  readonly jobScheduler: JobScheduler;
  readonly jobGenerator: JobGenerator;
  readonly receiverTracker: ReceiverTracker;
  readonly faults: FaultInjector;
  /** The DStream families DStream methods construct (one explicit table, families.ts). */
  readonly families = DSTREAM_FAMILIES;
  /** Metadata and data checkpoints (engine/streaming/checkpoint.ts). */
  readonly checkpointer: Checkpointer;
  private recoveryPlan?: RecoveryPlan;
  /** The checkpoint this context continues from (given by getOrCreate through continueFrom), if any. */
  get recovery(): RecoveryPlan | undefined { return this.recoveryPlan; }
  private stdoutSink: (text: string) => void;
  /**
   * Where print() writes. Assign a function to capture output (each call gets complete lines ending in "\n");
   * calling it writes there and posts a `stdout` event, so user code writing with ssc.stdout(...) reaches the studio too.
   */
  get stdout(): (text: string) => void {
    return (text: string) => {
      this.post({ type: 'stdout', time: this.clock.getTimeMillis(), text });
      this.stdoutSink(text);
    };
  }
  set stdout(sink: (text: string) => void) {
    if (typeof sink !== 'function') throw errors.sscStdoutNotFunction();
    this.stdoutSink = sink;
  }
  stderr: (text: string) => void;
  checkpointDir?: string;
  checkpointDuration?: Duration;
  private state: StreamingContextState = 'INITIALIZED';
  private terminated: { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void };
  private firstError?: Error;

  /** `options.runtime`: the host's runtime for the SparkContext this creates (ignored when given a SparkContext). */
  constructor(confOrContext: SparkConf | SparkContext, batchDuration: Duration, options: { runtime?: EngineRuntime } = {}) {
    if (!(batchDuration instanceof Duration)) throw errors.batchDurationNotSet();
    if (!(batchDuration.milliseconds > 0)) throw errors.batchDurationNotPositive(batchDuration);
    const conf = confOrContext instanceof SparkContext ? confOrContext.conf : confOrContext;
    if (!(conf instanceof SparkConf)) throw errors.streamingConfExpected();
    this.clock = makeClock(conf.get('spark.streaming.clock', 'system'));
    this.sparkContext = confOrContext instanceof SparkContext ? confOrContext : new SparkContext(conf, { clock: this.clock, runtime: options.runtime });
    this.sparkContext.clock = this.clock;
    this.stdoutSink = this.sparkContext.runtime.stdout;
    this.stderr = this.sparkContext.runtime.stderr;
    this.graph = new DStreamGraph(batchDuration);
    this.checkpointer = new Checkpointer(this);
    this.jobScheduler = new JobScheduler(this);
    this.jobGenerator = this.jobScheduler.jobGenerator;
    this.receiverTracker = new ReceiverTracker(this);
    this.faults = new FaultInjector(this);
    let resolve!: () => void, reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
    promise.catch(() => undefined);
    this.terminated = { promise, resolve, reject };
    // Spark's ContextWaiter: the first job error is rethrown by awaitTermination at once; batches keep running.
    this.jobScheduler.onError((e) => { if (!this.firstError) { this.firstError = e; this.terminated.reject(e); } });
    this.sparkContext.addSparkListener((e) => { if (e.type === 'executorRemoved') this.receiverTracker.onExecutorLost(e.executorId); });
  }

  get sc(): SparkContext { return this.sparkContext; }
  get conf(): SparkConf { return this.sparkContext.conf; }
  getState(): StreamingContextState { return this.state; }
  post(e: EngineEvent): void { this.sparkContext.post(e); }
  /** Every engine event from now on; `replay` first delivers the start-up events already posted (cluster steps 1–4). */
  addStreamingListener(listener: EngineListener, opts: { replay?: boolean } = {}): () => void { return this.sparkContext.addSparkListener(listener, opts); }

  /** Writes print() output: an event for the studio and the stdout sink. */
  printOut(text: string): void { this.stdout(text); }
  printErr(text: string): void { this.stderr(text); }

  assertCanAddOperations(): void {
    if (this.state === 'ACTIVE') throw errors.addAfterStart();
    if (this.state === 'STOPPED') throw errors.alreadyStopped();
  }

  // ---- inputs -----------------------------------------------------------------------------------
  queueStream<T>(queue: RDD<T>[], oneAtATime = true, defaultRDD?: RDD<T>): DStream<T> { return new QueueInputDStream<T>(this, queue, oneAtATime, defaultRDD); }
  receiverStream<T>(receiver: Receiver<T>): DStream<T> { return new PluggableInputDStream<T>(this, receiver); }
  socketTextStream(hostname: string, port: number, storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_SER_2): DStream<string> {
    if (typeof hostname !== 'string' || !hostname) throw errors.socketHost();
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw errors.socketPort(port);
    return new PluggableInputDStream<string>(this, new SocketReceiver(hostname, port, storageLevel, this.sparkContext.runtime.connectSocket), 'socketTextStream', `socket stream [${this.graph.inputStreams.length}]`);
  }
  textFileStream(directory: string): DStream<string> { return new FileInputDStream(this, directory); }
  rateStream(rowsPerSecond: number, options: RateOptions = {}): DStream<number | string> {
    return new PluggableInputDStream(this, new RateReceiver(rowsPerSecond, { seed: this.seed, ...options }), 'rateStream');
  }
  /** Records are twitter4j-style Status objects: the plain tweet fields plus getText(), getHashtagEntities(), ... */
  twitterStream(options: TwitterOptions = {}): DStream<Status> {
    return new PluggableInputDStream(this, new TwitterReceiver({ seed: this.seed, ...options }), 'twitterStream');
  }
  directKafkaStream(topics: string[], options: DirectKafkaOptions = {}): DirectKafkaInputDStream {
    return new DirectKafkaInputDStream(this, topics, { seed: this.seed, ...options });
  }
  private get seed(): number { return this.conf.getInt('spark.dstream.seed', this.conf.getInt('spark.studio.seed', 42)); }

  union<T>(streams: DStream<T>[]): DStream<T> { if (streams.length === 0) throw errors.unionNeedsStreams(); return new this.families.UnionDStream<T>(streams); }
  transform<T>(streams: DStream<unknown>[], f: (rdds: RDD<unknown>[], time: Time) => RDD<T>): DStream<T> {
    return new this.families.TransformedDStream<T>(streams, f);
  }

  remember(duration: Duration): void { this.graph.remember(duration); }

  /**
   * Spark's StreamingContext.getOrCreate: runs `createFn` (which must create the context, call
   * `ssc.checkpoint(checkpointDir)` and define every DStream and output, as Spark requires); if the directory holds
   * a complete `checkpoint-<ms>`, the context continues from it when started: its batch times, pending batches,
   * state (data checkpoints), write-ahead-logged blocks and Kafka offsets.
   */
  static getOrCreate(checkpointDir: string, createFn: () => StreamingContext | Promise<StreamingContext>, opts: GetOrCreateOptions = {}): Promise<StreamingContext> {
    return getOrCreate(checkpointDir, createFn, opts);
  }
  continueFrom(plan: RecoveryPlan): void { this.recoveryPlan = plan; }
  checkpoint(directory: string): void {
    if (typeof directory !== 'string' || !directory) throw errors.checkpointNoDir();
    this.checkpointDir = directory;
    this.checkpointDuration ??= this.graph.batchDuration;
  }

  // ---- lifecycle --------------------------------------------------------------------------------
  async start(): Promise<void> {
    if (this.state === 'ACTIVE') { this.printErr(`WARN StreamingContext: ${errors.alreadyStarted().message}\n`); return; }
    if (this.state === 'STOPPED') throw errors.alreadyStopped();
    this.graph.validate();
    await this.sparkContext.whenReady();
    const recovery = this.recovery;
    // A recovered context starts where its checkpoint left off (Spark's JobGenerator.restart); others at the next batch.
    const restart = recovery ? await applyRecovery(this, recovery) : undefined;
    if (restart?.checkpointDuration) this.checkpointDuration = restart.checkpointDuration;
    const firstBatch = restart ? restart.restartTime : this.jobGenerator.startTime();
    const period = this.graph.batchDuration.milliseconds;
    if (!restart) this.graph.start(new Time(firstBatch - period), new Time(firstBatch));
    const receivers = this.graph.receiverInputStreams as ReceiverInputDStream<unknown>[];
    if (receivers.length && ['local', 'local[1]'].includes(this.sparkContext.master)) {
      const message = 'spark.master should be set as local[n], n > 1 in local mode if you have receivers to get data, otherwise Spark jobs will not get resources to process the received data.';
      this.post({ type: 'warning', time: this.clock.getTimeMillis(), code: 'receiversNeedMoreSlots', message });
      this.printErr(`WARN StreamingContext: ${message}\n`);
    }
    if (this.checkpointDir) await this.sparkContext.fs.mkdirs(this.checkpointDir);
    for (const s of this.graph.inputStreams) await s.start();
    await this.receiverTracker.start(receivers.map((s) => ({ streamId: s.inputStreamId, name: s.name, receiver: s.getReceiver() })));
    this.state = 'ACTIVE';
    this.post(dstreamGraphEvent(this.graph, this.clock.getTimeMillis()));
    this.post({ type: 'streamingStarted', time: this.clock.getTimeMillis(), batchDurationMs: period, zeroTime: this.graph.zeroTime!.milliseconds, blockIntervalMs: this.receiverTracker.blockIntervalMs });
    this.receiverTracker.startBlockTimer();
    // Batches pending at the checkpoint, or due while the driver was down, run again first.
    for (const t of restart?.timesToReschedule ?? []) await this.jobGenerator.generateJobs(new Time(t));
    this.jobGenerator.start(firstBatch);
  }

  /**
   * Manual clock only: runs `numBatches` batch intervals — moving the clock one block interval at a time so
   * receivers cut their blocks — and resolves when those batches' jobs have finished.
   */
  async step(numBatches = 1): Promise<void> {
    if (!(this.clock instanceof ManualClock)) throw errors.manualClockOnly();
    if (this.state !== 'ACTIVE') throw errors.stepNeedsStarted();
    if (!(Number.isInteger(numBatches) && numBatches >= 0)) throw errors.stepCount(numBatches);
    const clock = this.clock;
    const bi = this.receiverTracker.blockIntervalMs;
    // Receivers cut a block every block interval, so time moves one interval at a time; without them nothing
    // happens between the times something waits for (the next batch, a timer), and time jumps straight there.
    const perBlockInterval = this.graph.receiverInputStreams.length > 0;
    for (let i = 0; i < numBatches; i++) {
      const target = this.jobGenerator.nextBatchTime;
      while (clock.getTimeMillis() < target) {
        const now = clock.getTimeMillis();
        const wake = clock.nextWakeTime();
        const next = perBlockInterval ? (Math.floor(now / bi) + 1) * bi : (wake !== undefined && wake > now ? wake : target);
        clock.setTime(Math.min(target, next));
        await nextHostTurn(); // timers and promise chains woken by the clock change run before time moves again
      }
      await this.waitForBatch(target);
      if (this.state !== 'ACTIVE') return;
    }
  }

  /** Waits for a batch; gives up (with a warning) when no task can ever run because receivers hold every slot. */
  private async waitForBatch(time: number): Promise<void> {
    let done = false;
    const p = this.jobScheduler.waitForBatch(time).then(() => { done = true; });
    while (!done) {
      await Promise.race([p, realDelay(25)]);
      if (!done && this.sparkContext.taskScheduler.isStarvedByReceivers()) {
        this.post({ type: 'warning', time: this.clock.getTimeMillis(), code: 'batchStarvedByReceivers', message: `Batch ${time} ms cannot run: every task slot is held by a receiver. Use local[n] with n > number of receivers.` });
        return;
      }
    }
  }

  async stop(stopSparkContext = this.conf.getBoolean('spark.streaming.stopSparkContextByDefault', true), stopGracefully = false): Promise<void> {
    if (this.state === 'INITIALIZED') { this.state = 'STOPPED'; if (stopSparkContext) await this.sparkContext.stop(); this.terminated.resolve(); return; }
    if (this.state === 'STOPPED') { this.printErr('WARN StreamingContext: StreamingContext has already been stopped\n'); return; }
    this.state = 'STOPPED';
    if (stopGracefully) {
      // Spark: stop receiving, then process everything received before stopping the generator.
      await this.receiverTracker.stop();
      const last = this.clock.getTimeMillis();
      if (this.jobGenerator.nextBatchTime <= last + this.graph.batchDuration.milliseconds) await this.jobGenerator.generateJobs(new Time(this.jobGenerator.nextBatchTime));
      this.jobGenerator.stop();
      await this.jobScheduler.drain();
    } else {
      this.jobGenerator.stop();
      await this.receiverTracker.stop();
      await this.jobScheduler.drain();
    }
    for (const s of this.graph.inputStreams) await s.stop();
    this.receiverTracker.stopBlockTimer();
    await this.checkpointer.flush();
    this.post({ type: 'streamingStopped', time: this.clock.getTimeMillis() });
    if (stopSparkContext) await this.sparkContext.stop();
    if (this.firstError) this.terminated.reject(this.firstError); else this.terminated.resolve();
  }

  /** Resolves when the context stops; rejects with the first job error, as Spark rethrows it. */
  awaitTermination(): Promise<void> { return this.terminated.promise; }
  /** True if the context stopped within `timeoutMs` (real milliseconds). */
  async awaitTerminationOrTimeout(timeoutMs: number): Promise<boolean> {
    return withRealTimeout(this.terminated.promise.then(() => true as const), timeoutMs, false as const);
  }

}

function makeClock(name: string): Clock {
  if (name === 'manual' || name === 'org.apache.spark.util.ManualClock') return new ManualClock(0);
  if (name === 'system' || name === 'org.apache.spark.util.SystemClock') return new SystemClock();
  throw errors.unknownClock(name);
}
