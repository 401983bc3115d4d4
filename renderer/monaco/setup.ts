// Monaco, bundled locally (no CDN): its editor worker is built by Vite, the Verus-extended Rust
// language and the theme are registered once.
import * as monaco from './monaco';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { conf as rustConf, language as rustLanguage } from 'monaco-editor/languages/definitions/rust/rust';
import { VERUS_LANGUAGE_ID, verusLanguage } from './verus-language';

let done = false;

export function setupMonaco(): typeof monaco {
  if (done) return monaco;
  done = true;
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  monaco.languages.register({ id: VERUS_LANGUAGE_ID, extensions: ['.rs'], aliases: ['Rust (Verus)', 'rust'] });
  monaco.languages.setLanguageConfiguration(VERUS_LANGUAGE_ID, rustConf);
  monaco.languages.setMonarchTokensProvider(VERUS_LANGUAGE_ID, verusLanguage(rustLanguage));
  monaco.editor.defineTheme('stratosphere-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'keyword.verus', foreground: 'c586f0', fontStyle: 'bold' },
      { token: 'operator.verus', foreground: 'd7ba7d', fontStyle: 'bold' },
      { token: 'annotation.verus', foreground: '9cdcfe', fontStyle: 'italic' },
    ],
    colors: {},
  });
  return monaco;
}

export function languageFor(path: string): string {
  if (path.endsWith('.rs')) return VERUS_LANGUAGE_ID;
  if (path.endsWith('.toml')) return 'ini';
  if (path.endsWith('.md')) return 'markdown';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.ld')) return 'plaintext';
  return 'plaintext';
}

/** One text model per open file, keyed by workspace path. */
const models = new Map<string, monaco.editor.ITextModel>();

export function modelFor(path: string): monaco.editor.ITextModel | undefined {
  return models.get(path);
}

export function createModel(path: string, text: string): monaco.editor.ITextModel {
  const existing = models.get(path);
  if (existing) {
    existing.setValue(text);
    return existing;
  }
  const model = monaco.editor.createModel(text, languageFor(path), monaco.Uri.parse(`workspace:///${path}`));
  models.set(path, model);
  return model;
}

export function disposeModel(path: string): void {
  models.get(path)?.dispose();
  models.delete(path);
}
