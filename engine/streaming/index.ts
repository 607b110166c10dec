/** Loads every DStream family (they register themselves) and exports the streaming API. */
import './dstream/stateless';
import './dstream/window';
import './dstream/state';
import './dstream/mapWithState';
import './dstream/output';
import './internals';

export { StreamingContext, type StreamingContextState } from './StreamingContext';
export { DStream } from './dstream/DStream';
export { StateSpec, State } from './dstream/stateSpec';
export { MapWithStateDStream } from './dstream/mapWithState';
export { Receiver } from './receiver/Receiver';
export { PIDRateEstimator } from './receiver/PIDRateEstimator';
export { virtualNetcat } from './input/socket';
export type { Tweet, TwitterOptions } from './input/twitter';
export type { OffsetRange, ConsumerRecord, DirectKafkaOptions, KafkaRDD, DirectKafkaInputDStream } from './input/kafka';
export type { RateOptions } from './input/rate';
export { FaultInjector } from './faults';
