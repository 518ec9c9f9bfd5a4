'use strict';
// `node --require <this file> out/main/index.js`: installs the fake Electron before the app
// runs. The fake is TypeScript, loaded through tsx's scoped require so that the app's own
// modules load exactly as they would without tsx. Worker threads inherit --require; they get
// no 'electron' module in Electron either, so the fake is installed in the main thread only.
if (require('node:worker_threads').isMainThread) require('tsx/cjs/api').require('./install.ts', __filename);
