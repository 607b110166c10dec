/** Exporters: a pipeline graph as a TypeScript program (runs on this engine), a Scala or a PySpark application. */
import type { PipelineGraph } from '../types';
import { exportTypeScript, type TsExportOptions } from './exportTs';
import { exportScala, type SparkExportOptions } from './exportScala';
import { exportPython } from './exportPython';
import { errors } from '../../core/errors';

export type ExportLang = 'ts' | 'scala' | 'python';
export const EXPORT_LANGS: readonly ExportLang[] = ['ts', 'scala', 'python'];

export function exportGraph(graph: PipelineGraph, lang: ExportLang, opts: TsExportOptions & SparkExportOptions = {}): string {
  if (lang === 'ts') return exportTypeScript(graph, opts);
  if (lang === 'scala') return exportScala(graph, opts);
  if (lang === 'python') return exportPython(graph, opts);
  throw errors.unknownExportLang(String(lang));
}

/** File extension for a language. */
export function exportExtension(lang: ExportLang): string {
  return lang === 'ts' ? '.ts' : lang === 'scala' ? '.scala' : '.py';
}

export { exportTypeScript, exportScala, exportPython };
export type { TsExportOptions };
export { translateUdf } from './udf';
export type { UdfTranslation, UdfOptions, UdfLang } from './udf';
export { stripTypes } from './stripTypes';
export { planGraph, topologicalOrder } from './plan';
export * from './meta';
export type { SparkExportOptions };
export type { RecordedInputs, RecordedBatches } from './recordedInputs';
export type { RecordingNote, RunRecording } from './recordedInputs';
