/**
 * Helpers shipped with a closure (DESIGN.md, "Architecture"): a free variable of a shipped function that is a
 * function of the program with no free variables of its own (the lecture's `getTags`) travels with the
 * closure as source text, as Spark serialises a helper method of the enclosing object.
 *
 * JavaScript gives no access to a function's surroundings, so the names are looked up in the program's own
 * declarations by a host-installed lookup (Node: engine/cluster/node/programHelpers.ts reads the calling
 * module's top-level declarations). Hosts without one (a browser realm: the studio builds pipelines from
 * graph JSON, whose functions are standalone sources) ship no helpers, and a free name stays an error.
 *
 * Resolution is recursive (a helper may call other helpers; cycles are fine: every helper is bound before any
 * runs). A helper that uses anything else from outside itself — a `let`, an object, an import — is rejected:
 * each task would get its own copy, so what it reads or writes would silently differ from the driver's.
 */

/** What a program declares under a name, as a lookup reports it. */
export type ProgramDeclaration =
  /** A function declaration or a `const` bound to a function expression: its JavaScript source. */
  | { kind: 'function'; source: string }
  /** Anything else: what it is, for the error ("a let variable", "a const object", "an import"). */
  | { kind: 'other'; what: string };

/** Looks names up in the declarations of the program that is defining an operation right now. */
export type ProgramLookup = (name: string) => ProgramDeclaration | undefined;

/** Called once per shipped function with unresolved names; returns the lookup of the calling program, if any. */
export type ProgramHelperSource = () => ProgramLookup | undefined;

let helperSource: ProgramHelperSource | undefined;

/** Installs (or, with undefined, removes) this realm's helper lookup. Hosts call it once. */
export function setProgramHelperSource(source: ProgramHelperSource | undefined): void {
  helperSource = source;
}

/** The lookup of the program defining an operation now (undefined: this host ships no helpers). */
export function currentProgramLookup(): ProgramLookup | undefined {
  return helperSource?.();
}
