/**
 * acorn's ESTree node types, and the one guard a generic walker needs: it reaches children through
 * `Object.entries`, so each child is `unknown` until its `type` says it is a node.
 */
import type { AnyNode } from 'acorn';

export type { AnyNode };

/** A parsed node: an object with a string `type` (acorn gives every node one, and nothing else has one). */
export function isAstNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/** A node's fields, each `unknown` until checked (a child node, a list of them, or plain data such as a name). */
export function nodeFields(node: AnyNode): [string, unknown][] {
  return Object.entries(node);
}
