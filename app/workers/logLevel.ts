/** The log4j level of an engine log line, and the browser console method that shows it at that level. */
export type Log4jLevel = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
export const LOG_METHOD = { ERROR: 'error', WARN: 'warn', INFO: 'info', DEBUG: 'debug' } as const;

/** The level a log4j-style line starts with ("INFO JobGenerator: ..."), if it starts with one (TRACE counts as DEBUG). */
export function log4jLevel(text: string): Log4jLevel | undefined {
  const m = /^\s*(ERROR|WARN|INFO|DEBUG|TRACE)\b/.exec(text);
  if (!m) return undefined;
  return m[1] === 'TRACE' ? 'DEBUG' : (m[1] as Log4jLevel);
}
