/** Graph → a readable TypeScript program against the engine API that runs with `npm run pipeline -- file.ts`. */
import type { PipelineGraph } from '../types';
import { emitNode, getOp } from '../registry';
import { tokenizer } from 'acorn';
import { comment, literal, noneLiteral, numberLiteral } from '../emit';
import { planGraph } from './plan';
import { CLOCK_CONF_KEY, SEED_CONF_KEY, edgesBlock, nodeTagComment, positionsBlock } from './meta';
import { tsBlockCommentLines } from './quote/ts';
import { recordedQueueTs, recordingNoteLines, type RecordedInputs, type RecordingNote } from './recordedInputs';

export interface TsExportOptions {
  /** Module the program imports the engine from (default '../engine/index', right for files in examples/). */
  enginePath?: string;
  /** Streaming clock (default 'manual': batches advance with ssc.step, output is reproducible). */
  clock?: 'manual' | 'system';
  /** Batches run when DSTREAM_BATCHES is not set (default 3). */
  defaultBatches?: number;
  /** Leave out the trailing metadata comments (positions, edge ids). */
  omitMetadata?: boolean;
  /** "Export with this run's data": source node id → the batches (of partitions) the run received. */
  recordedInputs?: RecordedInputs;
  /** How the recording was bounded (printed in the program's header). */
  recordingNote?: RecordingNote;
}

const ENGINE_NAMES = ['Seconds', 'Minutes', 'Some', 'None', 'StateSpec', 'HashPartitioner', 'StorageLevel', 'CompactBuffer', 'Time'];

const lit = (v: unknown) => literal(v, 'ts');

export function exportTypeScript(graph: PipelineGraph, opts: TsExportOptions = {}): string {
  const plan = planGraph(graph, 'ts');
  const body: string[] = [];
  for (const p of plan.nodes) {
    const op = getOp(p.node.op);
    const inputs = { ...p.inputs };
    for (const port of op?.inputs ?? []) if (!(port.port in inputs) && !port.optional) inputs[port.port] = noneLiteral('ts');
    const recorded = opts.recordedInputs?.[p.node.id];
    const stmt = recorded ? `const ${p.name} = ${recordedQueueTs(recorded, 'ssc')};`
      : op ? emitNode(graph, p.node, { lang: 'ts', inputs, out: p.name, udf: (s) => s })
        : comment('ts', `unknown op "${p.node.op}": not exported`);
    body.push(nodeTagComment('ts', p.node.id), ...(recorded ? [comment('ts', `the ${p.node.op} records this run received, by batch and partition`)] : []), stmt);
  }

  const conf: string[] = [`.setMaster(${lit(graph.master)})`, `.setAppName(${lit(graph.name)})`];
  const extra = { ...(graph.conf ?? {}) };
  const clock = extra[CLOCK_CONF_KEY] ?? opts.clock ?? 'manual';
  delete extra[CLOCK_CONF_KEY];
  conf.push(`.set(${lit(CLOCK_CONF_KEY)}, ${lit(clock)})`);
  conf.push(`.set(${lit(SEED_CONF_KEY)}, ${lit(String(graph.seed))})`);
  for (const [k, v] of Object.entries(extra)) if (k !== SEED_CONF_KEY) conf.push(`.set(${lit(k)}, ${lit(String(v))})`);

  const text = body.join('\n');
  const names = codeNames(text);
  const used = ENGINE_NAMES.filter((n) => names.has(n));
  const imports = ['SparkConf', 'StreamingContext', 'Milliseconds', ...used];

  const out = [
    '/**',
    ...tsBlockCommentLines(`${graph.name} — a DStream Studio pipeline exported as a TypeScript program.`).map((l) => ` * ${l}`),
    ' *',
    ` *   npm run pipeline -- <this file> --batches ${opts.recordingNote?.batches ?? 3}`,
    ' *',
    ' * Each statement carries a `// node: <id>` tag and the trailing comments keep the canvas layout, so',
    ' * "Import TypeScript" turns this file back into the same graph.',
    ...(opts.recordingNote ? [' *', ...recordingNoteLines(opts.recordingNote).flatMap((l) => tsBlockCommentLines(l)).map((l) => ` * ${l}`)] : []),
    ' */',
    `import { ${imports.join(', ')} } from ${lit(opts.enginePath ?? '../engine/index')};`,
    '',
    `const conf = new SparkConf()\n  ${conf.join('\n  ')};`,
    `const ssc = new StreamingContext(conf, Milliseconds(${numberLiteral(graph.batchDuration)}));`,
    ...(graph.checkpointDir ? [`ssc.checkpoint(${lit(graph.checkpointDir)});`] : []),
    '',
    text,
    '',
    'await ssc.start();',
    `await ssc.step(Number(process.env.DSTREAM_BATCHES ?? ${opts.defaultBatches ?? opts.recordingNote?.batches ?? 3}));`,
    'await ssc.stop();',
  ];
  if (!opts.omitMetadata) out.push('', positionsBlock(graph), edgesBlock(graph));
  return `${out.join('\n')}\n`;
}

/**
 * The names the statements use as code (not inside strings or comments, where a document string could mention
 * `Time` or `Some`): the engine names to import. Falls back to a word search if the text does not tokenize.
 */
function codeNames(text: string): Set<string> {
  const names = new Set<string>();
  try {
    for (const t of tokenizer(text, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true })) {
      const value: unknown = (t as { value?: unknown }).value;
      if (t.type.label === 'name' && typeof value === 'string') names.add(value);
    }
  } catch {
    for (const n of ENGINE_NAMES) if (new RegExp(`\\b${n}\\b`).test(text)) names.add(n);
  }
  return names;
}
