/**
 * The layers of Doum (README "Layout", DESIGN.md "Layout"), checked by dependency-cruiser in
 * `npm test` (`npm run -s layers`). This file is the one home of every import rule: ESLint
 * checks code style, not who may import whom.
 *
 *   renderer → shared          electron/main → core → shared        electron/preload → shared
 *   electron/preview → core    electron/cli → core, preview         tests → anything
 *
 * shared/ is the floor every layer stands on (the contract and pure helpers), so an arrow to
 * shared is allowed from every folder. Core and shared never import Electron, React or a DOM
 * library (tsconfig.json, which type-checks them, has no DOM types either); shared imports no
 * Node built-in, because the renderer runs it too. No cycles, type-only imports included: a
 * type cycle is the same design knot as a value one, only not yet a crash. Every module sits in
 * one of these layers: a new folder (electron/worker/…) is refused until its arrows are written
 * here and in the README.
 *
 * Each rule's comment is printed with its violations, so a failure says what to do.
 */

/** Local imports of `from` may only reach these folders (its own folder always included). */
function layer(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: `^${from}/` },
    to: { dependencyTypes: ['local'], pathNot: `^(${[from, ...allowed].join('|')})/` },
  };
}

/** Every folder with code and its layer; a module anywhere else has no arrows yet. */
const LAYERS = ['electron/core', 'electron/main', 'electron/preload', 'electron/preview', 'electron/cli', 'renderer', 'shared', 'tests'];
const OUTSIDE_EVERY_LAYER = `^(?!(${[...LAYERS, 'node_modules'].join('|')})/)`;
const NO_LAYER_COMMENT = 'This module is in no layer of README "Layout" (electron/core, main, preload, preview, cli; renderer; shared; tests), so nothing checks its arrows. Put it in the layer it belongs to, or add the new layer with its arrows to README and .dependency-cruiser.cjs.';

const ELECTRON_REACT_DOM = '^node_modules/(electron|electron-[^/]+|@electron/[^/]+|react|react-dom|zustand|dompurify)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles (type-only ones too) tie modules into one knot. Move the shared part (often a type) into its own module that both sides import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('renderer-imports-only-shared', 'renderer', ['shared'], 'The renderer reaches the rest of Doum only through the HelpApi (shared/api.ts). Move what it needs into shared/ if it is pure, else add a HelpApi method.'),
    layer('shared-imports-nothing-local', 'shared', [], 'shared/ is the floor: the contract and pure helpers. It may not import any other folder of Doum.'),
    layer('core-imports-only-shared', 'electron/core', ['shared'], 'core/ is plain Node domain code: it knows nothing of the shell, preview, CLI or renderer. Pass what it needs in as an argument.'),
    layer('main-imports-core-and-shared', 'electron/main', ['electron/core', 'shared'], 'The Electron shell uses core/ and shared/ only; the preview and the CLI are separate hosts of core.'),
    layer('preload-imports-only-shared', 'electron/preload', ['shared'], 'The preload exposes the HelpApi from shared/api.ts and nothing else; it runs sandboxed and cannot load core.'),
    layer('preview-imports-core-and-shared', 'electron/preview', ['electron/core', 'shared'], 'The preview serves core over HTTP; it never depends on the Electron shell or the CLI.'),
    layer('cli-imports-core-preview-and-shared', 'electron/cli', ['electron/core', 'electron/preview', 'shared'], 'The CLI drives core and the preview; it never depends on the Electron shell or the renderer.'),
    {
      name: 'every-module-in-a-layer',
      comment: NO_LAYER_COMMENT,
      severity: 'error',
      from: { path: OUTSIDE_EVERY_LAYER },
      to: {},
    },
    {
      name: 'every-module-in-a-layer-even-alone',
      comment: NO_LAYER_COMMENT,
      severity: 'error',
      from: { path: OUTSIDE_EVERY_LAYER, orphan: true },
      to: {},
    },
    {
      name: 'core-and-shared-no-electron-react-dom',
      comment: 'core/ and shared/ run under plain Node and in tests: no Electron, React or DOM library. Inject what is needed from electron/main or the renderer.',
      severity: 'error',
      from: { path: '^(electron/core|shared)/' },
      to: { path: ELECTRON_REACT_DOM },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ also runs in the renderer, which has no Node: use web-standard APIs or move the code to electron/core.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      comment: 'The renderer is a sandboxed web page: no Electron; it talks to the app through window.doum (the HelpApi).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^node_modules/(electron|@electron/[^/]+)/' },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'The renderer is a sandboxed web page: no Node built-ins; it talks to the app through window.doum (the HelpApi).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-only-electron',
      comment: 'A sandboxed preload can load only Electron\'s own modules: no Node built-ins and no packages (import shared/ code, which the bundler inlines).',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^node_modules/electron/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved cannot be checked against the layers either: fix the path or install the package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: they are arrows between layers and can close cycles.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Resolve packages through their "exports" map, as Node and the bundler do (tsx/cjs/api).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
