/**
 * Recognises a shipped function that only pairs its argument with a constant, such as word count's
 * `w => [w, 1]`: a map of that kind feeding a map-side combine can hand the combine the key and the constant
 * without building the tuple the combine takes apart at once. Only a source that says exactly that matches:
 * one parameter, an arrow to an array literal of that parameter and a decimal number or boolean literal, and
 * no closure variables. The function is still compiled as usual first, so a source that does not compile
 * fails the same way.
 */
import type { ShippedFn } from './closure';

const NAME = '[A-Za-z_$][\\w$]*';
const LITERAL = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?|true|false';
const PAIR_WITH_CONSTANT = new RegExp(`^\\s*(?:\\(\\s*(${NAME})\\s*\\)|(${NAME}))\\s*=>\\s*\\[\\s*(${NAME})\\s*,\\s*(${LITERAL})\\s*\\]\\s*;?\\s*$`);

/** The constant `fn` pairs its argument with (`x => [x, c]`), or undefined when its source is anything else. */
export function constantPairValue(fn: ShippedFn): { value: number | boolean } | undefined {
  if (fn.vars && Object.keys(fn.vars).length > 0) return undefined;
  const m = PAIR_WITH_CONSTANT.exec(fn.source);
  if (!m) return undefined;
  const param = m[1] ?? m[2];
  if (param !== m[3]) return undefined;
  const literal = m[4];
  return { value: literal === 'true' ? true : literal === 'false' ? false : Number(literal) };
}
