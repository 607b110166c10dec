/**
 * Spark keeps a block stored at a serialized level (MEMORY_ONLY_SER, the level of updateStateByKey's state
 * RDDs) as bytes and deserialises it on every read. Here the bytes are the record codec's encoding (a long
 * array of plain records packs into one JSON string, numbers into one Float64Array), cloned once when stored:
 * a remembered state version costs a fraction of its records, and every read gets fresh records, so a user
 * function that mutates a state in place cannot change an older version that a recomputation will read.
 * Records the codec cannot encode (an instance of a user class, a function) are kept as they are, as the
 * local master keeps them today.
 */
import { decode, encode } from '../cluster/codec';
import { NotSerializableException } from '../core/errors';

export interface SerializedBlock { readonly encoded: unknown }

/** The block's serialized form, or undefined when a record cannot be encoded. */
export function serializeBlock(values: unknown[]): SerializedBlock | undefined {
  try {
    // encode returns its input when nothing needed encoding: the clone keeps the stored form apart from the caller's records.
    return { encoded: structuredClone(encode(values, 'to a serialized storage level')) };
  } catch (e) {
    if (e instanceof NotSerializableException || (e as { name?: unknown }).name === 'DataCloneError') return undefined;
    throw e;
  }
}

/** Fresh records of a serialized block (decode revives in place, so it works on a clone). */
export function deserializeBlock(block: SerializedBlock): unknown[] {
  return decode(structuredClone(block.encoded)) as unknown[];
}
