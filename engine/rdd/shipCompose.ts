import { shipFunction, type ShippedFn } from '../core/closure';

/**
 * Builds an engine-internal shipped function whose source wraps user functions (e.g. aggregateByKey's
 * `v => seqOp(clone(zero), v)`). User sources are inlined as parenthesised expressions; their declared
 * closure variables are merged so they still resolve on the executor.
 */
export function composeShipped(opName: string, template: (...sources: string[]) => string, ...fns: ShippedFn[]): ShippedFn {
  const source = template(...fns.map((f) => `(${f.source})`));
  const vars = Object.assign({}, ...fns.map((f) => f.vars ?? {}));
  const helpers = Object.fromEntries(fns.flatMap((f) => Object.entries(f.helpers ?? {})).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // The parts were checked when they were shipped; the template adds no free variables of its own.
  if (Object.keys(vars).length || Object.keys(helpers).length) {
    return { kind: 'shipped', source, opName, ...(Object.keys(vars).length && { vars }), ...(Object.keys(helpers).length && { helpers }) };
  }
  return shipFunction(source, opName);
}

/** A literal for a cloneable zero value inside generated source (structuredClone per use, as Spark clones zeros). */
export function zeroLiteral(zero: unknown): string {
  return `structuredClone(${JSON.stringify(zero) ?? 'undefined'})`;
}
