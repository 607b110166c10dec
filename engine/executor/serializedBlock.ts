/**
 * Spark keeps a block stored at a serialized level (MEMORY_ONLY_SER, the level of updateStateByKey's state
 * RDDs) as bytes and deserialises it on every read. Here the bytes are the record codec's encoding (a long
 * array of plain records packs into one JSON string, numbers into one Float64Array), cloned once when stored:
 * a remembered state version costs a fraction of its records, and every read gets fresh records, so a user
 * function that mutates a state in place cannot change an older version that a recomputation will read.
 * Records the codec cannot encode (an instance of a user class, a function) are kept as they are, as the
 * local master keeps them today.
 */
import { decode, encode, isPacked } from '../cluster/codec';
import { NotSerializableException } from '../core/errors';

export interface SerializedBlock { readonly encoded: unknown }

/** The block's serialized form, or undefined when a record cannot be encoded. */
export function serializeBlock(values: unknown[]): SerializedBlock | undefined {
  try {
    // A packed form shares nothing with the records; otherwise encode may return (parts of) its input, and the
    // clone keeps the stored form apart from the caller's records.
    const encoded = encode(values, 'to a serialized storage level');
    return { encoded: isPacked(encoded) ? encoded : structuredClone(encoded) };
  } catch (e) {
    if (e instanceof NotSerializableException || (e as { name?: unknown }).name === 'DataCloneError') return undefined;
    throw e;
  }
}

/**
 * The block's serialized form only when the codec packs it whole (plain tuples, numbers, strings), else
 * undefined: for a holder that should keep structured records as they are (their parts may be shared with
 * later versions, as a mapWithState record's base map is).
 */
export function packedBlock(values: unknown[]): SerializedBlock | undefined {
  try {
    const encoded = encode(values, 'to a serialized storage level');
    return isPacked(encoded) ? { encoded } : undefined;
  } catch (e) {
    if (e instanceof NotSerializableException) return undefined;
    throw e;
  }
}

/** Fresh records of a serialized block (decode revives a general form in place, so that one is cloned first). */
export function deserializeBlock(block: SerializedBlock): unknown[] {
  return decode(isPacked(block.encoded) ? block.encoded : structuredClone(block.encoded)) as unknown[];
}
