/**
 * CodeMirror 6 for function params (lazy-loaded chunk): JS/TS highlighting, bracket matching,
 * autocomplete, and inline errors from `checkFunctionSource` (syntax errors with line/column,
 * free variables that would make shipping fail).
 */
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder as cmPlaceholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, syntaxHighlighting, defaultHighlightStyle, indentOnInput, HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { checkFunctionSource } from '../../engine/core/closure';

export interface EditorOptions {
  doc: string;
  ariaLabel: string;
  placeholder?: string;
  runsOn: 'executor' | 'driver';
  opName: string;
  dark: boolean;
  onChange(value: string): void;
  onCheck?(result: { ok: true } | { ok: false; message: string; line: number; column: number }): void;
}

export interface EditorHandle {
  setDoc(doc: string): void;
  setDark(dark: boolean): void;
  focus(): void;
  destroy(): void;
}

/** Map a 1-based line/column to a document offset. */
export function offsetOf(doc: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) { const nl = doc.indexOf('\n', off); if (nl < 0) return doc.length; off = nl + 1; }
  return Math.min(doc.length, off + Math.max(0, column - 1));
}

/** Readable token colours on the dark background (the default style is made for light ones). */
const darkHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#ff7b72' },
  { tag: [tags.variableName, tags.propertyName], color: '#e6edf3' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: '#d2a8ff' },
  { tag: [tags.string, tags.special(tags.string)], color: '#a5d6ff' },
  { tag: [tags.number, tags.bool, tags.null], color: '#79c0ff' },
  { tag: tags.comment, color: '#8b949e', fontStyle: 'italic' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: '#c9d1d9' },
  { tag: tags.definition(tags.variableName), color: '#ffa657' },
  { tag: tags.typeName, color: '#7ee787' },
]);

const darkTheme = EditorView.theme({
  '&': { color: '#e6e9ef', backgroundColor: '#161b22' },
  '.cm-gutters': { backgroundColor: '#161b22', color: '#7d8590', border: 'none' },
  '.cm-activeLine': { backgroundColor: '#1f2630' },
  '.cm-cursor': { borderLeftColor: '#e6e9ef' },
}, { dark: true });

const baseTheme = EditorView.theme({
  '&': { fontSize: '12.5px', border: '1px solid var(--border)', borderRadius: '6px' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--mono)', padding: '6px 0', minHeight: '2.6em' },
  '.cm-scroller': { maxHeight: '260px', overflow: 'auto' },
  '.cm-gutters': { borderTopLeftRadius: '6px', borderBottomLeftRadius: '6px' },
});

export function createEditor(parent: HTMLElement, o: EditorOptions): EditorHandle {
  const themeSlot = new Compartment();
  let applying = false;
  const lint = linter((view) => {
    const src = view.state.doc.toString();
    if (!src.trim()) return [];
    const r = checkFunctionSource(src, { freeVariables: o.runsOn === 'executor', opName: o.opName });
    o.onCheck?.(r);
    if (r.ok) return [];
    const from = offsetOf(src, r.line, r.column);
    const to = Math.min(src.length, Math.max(from + 1, src.indexOf('\n', from) < 0 ? src.length : src.indexOf('\n', from)));
    const d: Diagnostic = { from: Math.min(from, Math.max(0, src.length - 1)), to: Math.max(to, Math.min(from + 1, src.length)), severity: 'error', message: r.message };
    return [d];
  }, { delay: 250 });

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        lineNumbers(), history(), drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(), highlightActiveLine(),
        javascript({ typescript: true }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        lint, lintGutter(),
        baseTheme, themeSlot.of(o.dark ? [darkTheme, syntaxHighlighting(darkHighlight)] : []),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': o.ariaLabel }),
        ...(o.placeholder ? [cmPlaceholder(o.placeholder)] : []),
        EditorView.updateListener.of((u) => { if (u.docChanged && !applying) o.onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    setDoc(doc) {
      const cur = view.state.doc.toString();
      if (cur === doc) return;
      applying = true;
      view.dispatch({ changes: { from: 0, to: cur.length, insert: doc } });
      applying = false;
    },
    setDark(dark) { view.dispatch({ effects: themeSlot.reconfigure(dark ? [darkTheme, syntaxHighlighting(darkHighlight)] : []) }); },
    focus() { view.focus(); },
    destroy() { view.destroy(); },
  };
}
