/** The streaming API (importing it has no side effects: the DStream families are an explicit table, families.ts). */

export { StreamingContext, type StreamingContextState } from './StreamingContext';
export { DStream } from './dstream/DStream';
export { StateSpec, State } from './dstream/stateSpec';
export { MapWithStateDStream } from './dstream/mapWithState';
export { Receiver } from './receiver/Receiver';
export { PIDRateEstimator } from './receiver/PIDRateEstimator';
export { virtualNetcat } from './input/socket';
export type { Tweet, TwitterOptions } from './input/twitter';
export type { Status, User, HashtagEntity } from './input/twitterStatus';
export type { OffsetRange, ConsumerRecord, DirectKafkaOptions, KafkaRDD, DirectKafkaInputDStream } from './input/kafka';
export type { RateOptions } from './input/rate';
export { FaultInjector } from './faults';
