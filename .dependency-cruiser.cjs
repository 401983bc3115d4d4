// The one dependency rule of DESIGN.md §1, enforced on the import graph:
//   renderer -> app <- main -> toolchain -> app
// app/ is pure TypeScript (no Node, Electron, DOM or React); the renderer never reaches main/ or
// toolchain/; toolchain/ never reaches main/ or renderer/; nothing imports e2e/ tests.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'app-is-pure',
      comment: 'app/ holds the contract only: it imports nothing but app/.',
      severity: 'error',
      from: { path: '^app/' },
      to: { pathNot: '^app/' },
    },
    {
      name: 'renderer-only-through-app',
      comment: 'The renderer talks to the hosts only through the app/ API.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|toolchain|e2e)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs sandboxed: no Node built-ins, no Electron.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'toolchain-below-hosts',
      comment: 'toolchain/ is a Node library: it never imports the hosts or the UI.',
      severity: 'error',
      from: { path: '^toolchain/' },
      to: { path: '^(main|renderer|e2e)/' },
    },
    {
      name: 'toolchain-no-ui-runtimes',
      severity: 'error',
      from: { path: '^toolchain/' },
      to: { path: 'node_modules/(electron|react|react-dom|monaco-editor|zustand|@xterm)/' },
    },
    {
      name: 'main-not-into-renderer',
      comment: 'main/ wires toolchain/ to the app/ contract; it does not import UI code.',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^(renderer|e2e)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
