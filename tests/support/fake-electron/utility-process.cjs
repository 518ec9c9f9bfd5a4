'use strict';
// The bootstrap of a fake utility process (electron.ts starts the module with
// `--require <this file>`): gives its main thread process.parentPort (utility-process.ts).
if (require('node:worker_threads').isMainThread) require('tsx/cjs/api').require('./utility-process.ts', __filename);
