/**
 * Record types the exporters know: what a source's records are in the studio (plain objects) and what they are
 * on a real Spark cluster, as data. Both exporters read this one table: field accesses on a record of a known type
 * (`t.text` where `t` receives tweets) become the target language's accessor.
 *
 * Templates: `$` is the record expression (already an atom). Add a record type by adding an entry here and
 * naming the source ops whose records it describes.
 */
import type { PipelineGraph } from '../types';
import { edgePort, getOp } from '../registry';
import { topologicalOrder } from './plan';
import type { OpSpec } from '../opSpec';

export interface RecordField {
  /** Scala accessor on the Spark record (e.g. twitter4j `Status`). */
  scala: string;
  /** Python accessor on the PySpark stand-in's record (a dict from `json.loads`). */
  python: string;
}

export interface RecordType {
  /** Source ops whose records have this type. */
  sources: string[];
  /** What the record is in Scala and in PySpark (for comments). */
  scalaType: string;
  pythonType: string;
  fields: Record<string, RecordField>;
}

export const RECORD_TYPES: Record<string, RecordType> = {
  /** engine/streaming/input/twitter.ts: { id, user, text, hashtags, createdAt, lang }. */
  tweet: {
    sources: ['twitterStream'],
    scalaType: 'twitter4j.Status',
    pythonType: 'dict (a JSON tweet)',
    fields: {
      id: { scala: '$.getId', python: "$['id']" },
      // the studio's users are "@name"; twitter4j's screen name has no "@"
      user: { scala: '("@" + $.getUser.getScreenName)', python: "$['user']" },
      text: { scala: '$.getText', python: "$['text']" },
      // the studio's hashtags keep their "#"; twitter4j's HashtagEntity.getText does not
      hashtags: { scala: '$.getHashtagEntities.map(h => "#" + h.getText).toSeq', python: "$['hashtags']" },
      createdAt: { scala: '$.getCreatedAt.getTime', python: "$['createdAt']" },
      lang: { scala: '$.getLang', python: "$['lang']" },
    },
  },
};

/** The record type of a source op's records, if the table knows it. */
export function sourceRecordType(op: string): string | undefined {
  for (const [name, t] of Object.entries(RECORD_TYPES)) if (t.sources.includes(op)) return name;
  return undefined;
}

/** A field access on a record of `type` in `lang`, or undefined when the field is not in the table. */
export function recordField(type: string, field: string, lang: 'scala' | 'python', record: string): string | undefined {
  const f = Object.prototype.hasOwnProperty.call(RECORD_TYPES[type]?.fields ?? {}, field) ? RECORD_TYPES[type].fields[field] : undefined;
  return f ? f[lang].split('$').join(record) : undefined;
}

/**
 * The record type of each node's output, by node id: a source's from the table; ops that keep their input's
 * records (declaredKind 'sameAsInput': filter, window, repartition, union of same-typed streams, reduce) pass
 * it on; anything else (map, flatMap, ...) makes records of an unknown type.
 */
export function outputRecordTypes(graph: PipelineGraph): Map<string, string> {
  const out = new Map<string, string>();
  const { order } = topologicalOrder(graph);
  for (const node of order) {
    const op = getOp(node.op);
    if (!op) continue;
    if (op.inputs.length === 0) {
      const t = sourceRecordType(node.op);
      if (t) out.set(node.id, t);
      continue;
    }
    if (op.declaredKind !== 'sameAsInput') continue;
    const types = graph.edges.filter((e) => e.target === node.id).map((e) => out.get(e.source));
    if (types.length > 0 && types.every((t) => t !== undefined && t === types[0])) out.set(node.id, types[0]!);
  }
  return out;
}

/** The record type arriving on each node's first input port (what its executor functions receive), by node id. */
export function inputRecordTypes(graph: PipelineGraph): Map<string, string> {
  const outTypes = outputRecordTypes(graph);
  const res = new Map<string, string>();
  for (const node of graph.nodes) {
    const op = getOp(node.op);
    const first = op?.inputs[0]?.port;
    if (!op || !first || op.inputs.length !== 1) continue;
    const e = graph.edges.find((x) => x.target === node.id && edgePort(op, x.targetPort) === first);
    const t = e ? outTypes.get(e.source) : undefined;
    if (t) res.set(node.id, t);
  }
  return res;
}

/**
 * The `recordTypes` option of translateUdf for one function param of a node whose input carries `recordType`:
 * executor functions (map, flatMap, filter, reduce, ...) receive the records in their parameters; driver
 * functions (transform, foreachRDD) receive RDDs.
 */
export function recordTypesFor(op: OpSpec | undefined, param: string | undefined, recordType: string | undefined): string[] | undefined {
  if (!op || !param || !recordType) return undefined;
  const spec = op.params[param];
  if (spec?.type !== 'function' || spec.runsOn !== 'executor') return undefined;
  return Array.from({ length: 8 }, () => recordType);
}
