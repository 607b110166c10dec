/**
 * The code pane's read-only CodeMirror 6 view (lazy-loaded chunk, like app/inspector/codeEditor.ts): TypeScript
 * through @codemirror/lang-javascript, Scala and Python through small stream tokenizers. The cursor can move (the
 * pane selects the node under it) but the text cannot change; the selected nodes' statements are marked.
 */
import { EditorState, Compartment, StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration, type DecorationSet, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, keymap } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { pythonMode, scalaMode } from './streamModes';
import type { ExportLang } from './codeModel';

export interface CodeViewOptions {
  doc: string;
  lang: ExportLang;
  dark: boolean;
  ariaLabel: string;
  /** The user moved the cursor (click or keys) to a 1-based line. */
  onCursorLine(line: number): void;
}

export interface CodeViewHandle {
  /** Replace the text and language, keeping the scroll position (no cursor event). */
  setContent(doc: string, lang: ExportLang): void;
  /** Mark these 1-based line ranges (the selected nodes' statements). */
  setMarked(ranges: [number, number][]): void;
  /** Bring a 1-based line into view (centred when it is off-screen). */
  revealLine(line: number): void;
  /** The cursor's 1-based line, or null before the user placed it. */
  cursorLine(): number | null;
  setDark(dark: boolean): void;
  destroy(): void;
}

const scala = StreamLanguage.define(scalaMode);
const python = StreamLanguage.define(pythonMode);
const languageOf = (lang: ExportLang) => (lang === 'ts' ? javascript({ typescript: true }) : lang === 'scala' ? scala : python);

const darkHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#ff7b72' },
  { tag: [tags.variableName, tags.propertyName], color: '#e6edf3' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.standard(tags.variableName)], color: '#d2a8ff' },
  { tag: [tags.string, tags.special(tags.string)], color: '#a5d6ff' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#79c0ff' },
  { tag: tags.comment, color: '#8b949e', fontStyle: 'italic' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: '#c9d1d9' },
  { tag: tags.definition(tags.variableName), color: '#ffa657' },
  { tag: tags.typeName, color: '#7ee787' },
  { tag: tags.meta, color: '#d2a8ff' },
]);
/** Added to the default style in the light theme: colours it leaves plain in the stream languages. */
const lightExtra = HighlightStyle.define([
  { tag: tags.typeName, color: '#116329' },
  { tag: tags.atom, color: '#0550ae' },
  { tag: tags.standard(tags.variableName), color: '#8250df' },
]);

const darkTheme = EditorView.theme({
  '&': { color: '#e6e9ef', backgroundColor: '#0d1117' },
  '.cm-gutters': { backgroundColor: '#0d1117', color: '#6e7681', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'rgba(110, 118, 129, 0.12)' },
  '.cm-activeLineGutter': { backgroundColor: 'rgba(110, 118, 129, 0.18)' },
  '.cm-cursor': { borderLeftColor: '#e6e9ef' },
  '.cm-node-line': { backgroundColor: 'rgba(56, 139, 253, 0.16)', boxShadow: 'inset 3px 0 0 #4493f8' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'rgba(56, 139, 253, 0.35)' },
}, { dark: true });

const baseTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '12.5px', backgroundColor: 'var(--surface)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { padding: '8px 0' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', border: 'none', paddingLeft: '4px' },
  '.cm-activeLine': { backgroundColor: 'rgba(31, 111, 235, 0.05)' },
  '.cm-node-line': { backgroundColor: 'rgba(31, 111, 235, 0.10)', boxShadow: 'inset 3px 0 0 #1f6feb' },
});

const setMarks = StateEffect.define<[number, number][]>();
const nodeLine = Decoration.line({ class: 'cm-node-line' });

function buildMarks(state: EditorState, ranges: [number, number][]): DecorationSet {
  const lines = new Set<number>();
  for (const [from, to] of ranges) for (let l = Math.max(1, from); l <= Math.min(state.doc.lines, to); l++) lines.add(l);
  const b = new RangeSetBuilder<Decoration>();
  for (const l of [...lines].sort((a, z) => a - z)) { const line = state.doc.line(l); b.add(line.from, line.from, nodeLine); }
  return b.finish();
}

/** Marked ranges survive text replacements (they are re-applied by line number). */
const marks = StateField.define<{ ranges: [number, number][]; deco: DecorationSet }>({
  create: () => ({ ranges: [], deco: Decoration.none }),
  update(v, tr) {
    let ranges = v.ranges;
    for (const e of tr.effects) if (e.is(setMarks)) ranges = e.value;
    if (ranges === v.ranges && !tr.docChanged) return v;
    return { ranges, deco: buildMarks(tr.state, ranges) };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

// Non-fallback highlighters combine; a fallback one (the default style) would be switched off by any other.
const themeFor = (dark: boolean) => (dark ? [darkTheme, syntaxHighlighting(darkHighlight)] : [syntaxHighlighting(defaultHighlightStyle), syntaxHighlighting(lightExtra)]);

export function createCodeView(parent: HTMLElement, o: CodeViewOptions): CodeViewHandle {
  const langSlot = new Compartment();
  const themeSlot = new Compartment();
  let lang = o.lang;
  let placed = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        lineNumbers(), highlightActiveLine(), highlightActiveLineGutter(), drawSelection(),
        EditorState.readOnly.of(true),
        keymap.of(defaultKeymap),
        langSlot.of(languageOf(lang)),
        baseTheme, themeSlot.of(themeFor(o.dark)),
        marks,
        EditorView.contentAttributes.of({ 'aria-label': o.ariaLabel, 'aria-readonly': 'true' }),
        EditorView.updateListener.of((u) => {
          if (!u.selectionSet || !u.transactions.some((tr) => tr.isUserEvent('select'))) return;
          placed = true;
          o.onCursorLine(u.state.doc.lineAt(u.state.selection.main.head).number);
        }),
      ],
    }),
  });
  return {
    setContent(doc, next) {
      const cur = view.state.doc.toString();
      const switched = next !== lang;
      if (cur === doc && !switched) return;
      lang = next;
      const top = view.scrollDOM.scrollTop;
      // Keep the cursor on its line number when the same program changes; start at the top in another language.
      let anchor = 0;
      if (!switched && placed) {
        const line = Math.min(view.state.doc.lineAt(view.state.selection.main.head).number, doc.split('\n').length);
        for (let l = 1; l < line; l++) anchor = doc.indexOf('\n', anchor) + 1;
      }
      if (switched) placed = false;
      view.dispatch({
        changes: cur === doc ? undefined : { from: 0, to: cur.length, insert: doc },
        selection: { anchor },
        effects: switched ? [langSlot.reconfigure(languageOf(next))] : [],
      });
      view.scrollDOM.scrollTop = switched ? 0 : top;
    },
    setMarked(ranges) { view.dispatch({ effects: setMarks.of(ranges) }); },
    revealLine(line) {
      if (line < 1 || line > view.state.doc.lines) return;
      const pos = view.state.doc.line(line).from;
      const block = view.lineBlockAt(pos);
      const { scrollTop, clientHeight } = view.scrollDOM;
      const margin = 40;
      if (block.top >= scrollTop + margin && block.bottom <= scrollTop + clientHeight - margin) return;
      view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    },
    cursorLine() { return placed ? view.state.doc.lineAt(view.state.selection.main.head).number : null; },
    setDark(dark) { view.dispatch({ effects: themeSlot.reconfigure(themeFor(dark)) }); },
    destroy() { view.destroy(); },
  };
}
