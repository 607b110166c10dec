/**
 * acorn's ESTree node types, and the one guard a generic walker needs: it reaches children through
 * `Object.entries`, so each child is `unknown` until its `type` says it is a node.
 */
import type { AnyNode, Pattern } from 'acorn';

export type { AnyNode };

/** A parsed node: an object with a string `type` (acorn gives every node one, and nothing else has one). */
export function isAstNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/** A node's fields, each `unknown` until checked (a child node, a list of them, or plain data such as a name). */
export function nodeFields(node: AnyNode): [string, unknown][] {
  return Object.entries(node);
}

/** The names a binding pattern declares (`a`, `{ b, c: [d] }`, `...rest`, `e = 1`), in source order, into `into`. */
export function patternNames(p: Pattern | null | undefined, into: string[]): void {
  if (!p) return;
  if (p.type === 'Identifier') into.push(p.name);
  else if (p.type === 'ArrayPattern') p.elements.forEach((e) => patternNames(e, into));
  else if (p.type === 'ObjectPattern') p.properties.forEach((q) => patternNames(q.type === 'RestElement' ? q.argument : q.value, into));
  else if (p.type === 'AssignmentPattern') patternNames(p.left, into);
  else if (p.type === 'RestElement') patternNames(p.argument, into);
}
