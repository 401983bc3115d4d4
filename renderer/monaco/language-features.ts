// Go to definition, hover, find references and quick fixes for the Verus language. The first three
// come from the host's symbol index of the workspace as the editor sees it (`symbols.list` with
// the unsaved buffers), fetched when a feature needs it and kept until a buffer changes; quick
// fixes from the last verification's failed obligations (../state/quick-fixes.ts).
import type * as Monaco from './monaco';
import type { IdeApi } from '../../app/api';
import type { Span } from '../../app/verification';
import type { WorkspaceSymbols } from '../../app/symbols';
import { VERUS_LANGUAGE_ID } from './verus-language';
import { definitionsFor, hoverText } from '../state/symbol-lookup';
import { quickFixes } from '../state/quick-fixes';
import { useProofs } from '../state/proof-store';

export interface LanguageFeatureDeps {
  api: IdeApi;
  buffers: () => { path: string; text: string }[];
  /** Opens `file` in the editor with `span` revealed (another file's definition). */
  goTo: (file: string, span: Span) => Promise<void>;
}

const pathOf = (uri: Monaco.Uri) => uri.path.replace(/^\//, '');

export function registerLanguageFeatures(monaco: typeof Monaco, deps: LanguageFeatureDeps): Monaco.IDisposable {
  let index: Promise<WorkspaceSymbols> | null = null;
  const symbols = () => (index ??= deps.api.call('symbols.list', { buffers: deps.buffers() }).catch((e) => {
    index = null;
    throw e;
  }));
  const contentListeners: Monaco.IDisposable[] = [];
  const watch = (m: Monaco.editor.ITextModel) => contentListeners.push(m.onDidChangeContent(() => (index = null)));
  monaco.editor.getModels().forEach(watch);
  const created = monaco.editor.onDidCreateModel(watch);

  const uriOf = (file: string) => monaco.Uri.parse(`workspace:///${file}`);
  const rangeOf = (s: Span) => new monaco.Range(s.start.line, s.start.column, s.end.line, s.end.column);
  const at = async (model: Monaco.editor.ITextModel, position: Monaco.Position) => {
    const word = model.getWordAtPosition(position);
    if (!word) return null;
    const before = model.getValueInRange(new monaco.Range(position.lineNumber, 1, position.lineNumber, word.startColumn));
    const defs = definitionsFor(await symbols(), word.word, before);
    return { word, defs };
  };

  const definition = monaco.languages.registerDefinitionProvider(VERUS_LANGUAGE_ID, {
    async provideDefinition(model, position) {
      const found = await at(model, position);
      return found ? found.defs.map((d) => ({ uri: uriOf(d.file), range: rangeOf(d.span) })) : null;
    },
  });
  const hover = monaco.languages.registerHoverProvider(VERUS_LANGUAGE_ID, {
    async provideHover(model, position) {
      const found = await at(model, position);
      if (!found || !found.defs.length) return null;
      // (the definition itself: the hover would repeat what the reader is looking at)
      const self = found.defs.length === 1 && pathOf(model.uri) === found.defs[0]!.file && found.defs[0]!.span.start.line === position.lineNumber;
      if (self) return null;
      return {
        range: new monaco.Range(position.lineNumber, found.word.startColumn, position.lineNumber, found.word.endColumn),
        contents: found.defs.slice(0, 3).map((d) => ({ value: hoverText(d) })),
      };
    },
  });
  const references = monaco.languages.registerReferenceProvider(VERUS_LANGUAGE_ID, {
    async provideReferences(model, position, context) {
      const found = await at(model, position);
      if (!found) return null;
      const all = await symbols();
      return found.defs.flatMap((d) => [
        ...(context.includeDeclaration ? [{ uri: uriOf(d.file), range: rangeOf(d.span) }] : []),
        ...(all.references[d.qname] ?? []).map((r) => ({ uri: uriOf(r.file), range: rangeOf(r.span) })),
      ]);
    },
  });
  // quick fixes for the failed obligations on the line (from the last verification)
  const actions = monaco.languages.registerCodeActionProvider(VERUS_LANGUAGE_ID, {
    provideCodeActions(model, range) {
      const file = pathOf(model.uri);
      const line = range.startLineNumber;
      const text = model.getValue();
      const fixes = Object.values(useProofs.getState().functions)
        .filter((f) => f.result.file === file && !f.stale)
        .flatMap((f) => f.result.obligations.filter((o) => o.span.start.line <= line && line <= o.span.end.line))
        .flatMap((o) => quickFixes(o, text));
      return {
        actions: fixes.map((fix) => ({
          title: fix.title,
          kind: 'quickfix',
          edit: { edits: fix.edits.map((e) => ({ resource: model.uri, textEdit: { range: rangeOf(e.span), text: e.text }, versionId: model.getVersionId() })) },
        })),
        dispose() {},
      };
    },
  });
  // a definition in a file that is not the editor's model: open it as a tab
  const opener = monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
      if (resource.scheme !== 'workspace') return false;
      const s = selectionOrPosition;
      const span: Span = !s
        ? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
        : 'startLineNumber' in s
          ? { start: { line: s.startLineNumber, column: s.startColumn }, end: { line: s.endLineNumber, column: s.endColumn } }
          : { start: { line: s.lineNumber, column: s.column }, end: { line: s.lineNumber, column: s.column } };
      void deps.goTo(pathOf(resource), span);
      return true;
    },
  });
  return {
    dispose() {
      for (const d of [definition, hover, references, actions, opener, created, ...contentListeners]) d.dispose();
    },
  };
}
