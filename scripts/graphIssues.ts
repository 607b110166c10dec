/** How the command line prints a graph's validation issues (shared by the graph runner and its tests). */

export interface IssueLike { message: string; severity?: string; nodeId?: string; edgeId?: string; param?: string; line?: number; column?: number }

export function describeIssue(issue: IssueLike): string {
  const where = [
    issue.nodeId && `node ${issue.nodeId}`,
    issue.edgeId && `edge ${issue.edgeId}`,
    issue.param && `param ${issue.param}`,
    issue.line !== undefined && `line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''}`,
  ].filter(Boolean).join(', ');
  return `${issue.severity ?? 'error'}: ${issue.message}${where ? ` (${where})` : ''}`;
}

export function isValidationError(err: unknown): err is Error & { issues: IssueLike[] } {
  return err instanceof Error && (err.name === 'GraphValidationError' || err.constructor?.name === 'GraphValidationError') &&
    Array.isArray((err as { issues?: unknown }).issues);
}
