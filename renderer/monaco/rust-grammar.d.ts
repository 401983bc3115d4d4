// Monaco ships its Rust Monarch grammar without type declarations.
declare module 'monaco-editor/languages/definitions/rust/rust' {
  export const conf: import('monaco-editor').languages.LanguageConfiguration;
  export const language: import('monaco-editor').languages.IMonarchLanguage & Record<string, unknown>;
}
