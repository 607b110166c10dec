/**
 * twitterStream: a seeded simulated tweet stream (Spark's TwitterUtils.createStream needs credentials and the
 * network). Tweets arrive at `tweetsPerSecond`; hashtags follow a Zipf law; every `burstEverySeconds` one tag
 * trends for a few seconds. Same seed, same tweets, at the same clock times, everywhere.
 */
import { Rng, ZipfSampler } from '../../core/rng';
import { StorageLevel } from '../../rdd/storageLevel';
import { Receiver } from '../receiver/Receiver';
import { errors } from '../../core/errors';
import { Status, type Tweet } from './twitterStatus';

export type { Tweet } from './twitterStatus';
export { Status } from './twitterStatus';

export interface TwitterOptions {
  tweetsPerSecond?: number;
  seed?: number;
  hashtags?: string[];
  zipfExponent?: number;
  burstEverySeconds?: number;
  burstLengthSeconds?: number;
  burstFactor?: number;
  filters?: string[];
  /** Where the receiver stores its blocks (Spark: createStream's storageLevel); default MEMORY_AND_DISK_SER_2. */
  storageLevel?: StorageLevel;
}

const DEFAULT_TAGS = ['#spark', '#bigdata', '#streaming', '#dataengineering', '#scala', '#python', '#ai', '#ml', '#kafka', '#cloud',
  '#java', '#analytics', '#devops', '#datascience', '#sql', '#hadoop', '#flink', '#rust', '#typescript', '#opensource',
  '#startup', '#gpu', '#llm', '#k8s', '#iot', '#fintech', '#security', '#web', '#react', '#d3'];
const WORDS = ['streaming', 'data', 'is', 'fun', 'today', 'we', 'learn', 'spark', 'batches', 'every', 'second', 'the', 'cluster',
  'runs', 'fast', 'window', 'state', 'checkpoint', 'receiver', 'executor', 'driver', 'love', 'new', 'release', 'talk', 'at', 'meetup'];
const USERS = ['ada', 'alan', 'grace', 'linus', 'margaret', 'dennis', 'barbara', 'ken', 'frances', 'tim', 'matei', 'reynold', 'li', 'wei', 'mei'];

export class TwitterReceiver extends Receiver<Status> {
  private readonly rate: number;
  private readonly rng: Rng;
  private readonly tags: string[];
  private readonly zipf: ZipfSampler;
  /** Id of the next tweet: a restarted receiver (on another executor too) continues from here. */
  position = 0;
  private readonly opts: Required<Omit<TwitterOptions, 'filters' | 'hashtags' | 'seed' | 'storageLevel'>> & { filters?: string[] };

  constructor(readonly options: TwitterOptions = {}, storageLevel?: StorageLevel) {
    super(storageLevel ?? options.storageLevel ?? StorageLevel.MEMORY_AND_DISK_SER_2);
    this.rate = options.tweetsPerSecond ?? 50;
    if (!(this.rate >= 0)) throw errors.twitterStreamRate(options.tweetsPerSecond);
    this.rng = new Rng(options.seed ?? 7);
    this.tags = options.hashtags?.length ? options.hashtags : DEFAULT_TAGS;
    this.opts = { tweetsPerSecond: this.rate, zipfExponent: options.zipfExponent ?? 1.1, burstEverySeconds: options.burstEverySeconds ?? 20,
      burstLengthSeconds: options.burstLengthSeconds ?? 4, burstFactor: options.burstFactor ?? 3, filters: options.filters };
    this.zipf = new ZipfSampler(this.tags.length, this.opts.zipfExponent);
  }
  onStart(): void {}
  onStop(): void {}

  /** Tweets with createdAt in [from, to): the count follows the rate exactly; a burst multiplies it. */
  override produce(fromMs: number, toMs: number): void {
    const rng = this.rng.fork(`tweets-${fromMs}`);
    const burstPeriod = this.opts.burstEverySeconds * 1000;
    const inBurst = burstPeriod > 0 && (fromMs % burstPeriod) < this.opts.burstLengthSeconds * 1000 && fromMs >= burstPeriod;
    const rate = this.rate * (inBurst ? this.opts.burstFactor : 1);
    const count = Math.floor((toMs * rate) / 1000) - Math.floor((fromMs * rate) / 1000);
    const trending = inBurst ? this.tags[Math.floor(fromMs / burstPeriod) % this.tags.length] : undefined;
    const out: Status[] = [];
    for (let i = 0; i < count; i++) {
      const n = 1 + rng.nextInt(2);
      const hashtags: string[] = [];
      for (let j = 0; j < n; j++) {
        const tag = trending && rng.nextBoolean(0.5) ? trending : this.tags[this.zipf.sample(rng) - 1];
        if (!hashtags.includes(tag)) hashtags.push(tag);
      }
      const words = Array.from({ length: 3 + rng.nextInt(5) }, () => rng.pick(WORDS));
      const text = `${words.join(' ')} ${hashtags.join(' ')}`;
      if (this.opts.filters && !this.opts.filters.some((f) => text.includes(f))) continue;
      out.push(new Status({ id: this.position++, user: `@${rng.pick(USERS)}`, text, hashtags, createdAt: fromMs + Math.floor(((i + 0.5) * (toMs - fromMs)) / Math.max(1, count)), lang: 'en' }));
    }
    if (out.length) this.store(out);
  }
}
