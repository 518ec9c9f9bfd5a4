/**
 * The service process's entry: an Electron utility process (a plain Node process the main
 * process forks, service-client.ts) that holds the whole help center — SQLite, the search
 * index, sync — so no query, index build or sync ever runs on the main process's thread, and
 * the window, tray and menus never wait on one. It talks to main over `process.parentPort`
 * (the protocol of service-port.ts) and never imports 'electron'; the index is rebuilt in
 * worker threads of its own (one per core, up to four), so it keeps answering with the old
 * index meanwhile.
 */
import { indexWorkerCount, workerIndexBuilder } from '../core/search/index-builder';
import createIndexWorker from '../core/search/index-worker?nodeWorker';
import { serveHelpCenter } from './serve-help-center';
import type { PortEnd } from './service-port';

const parentPort: Electron.ParentPort | undefined = process.parentPort;
if (!parentPort) {
  process.stderr.write('the Doum service process runs only as a utility process of the app\n');
  process.exit(1);
}

const port: PortEnd = {
  postMessage: (message) => parentPort.postMessage(message),
  listen: (listener) => {
    const onMessage = (event: Electron.MessageEvent): void => listener(event.data);
    parentPort.on('message', onMessage);
    return () => void parentPort.off('message', onMessage);
  },
};

serveHelpCenter(port, { indexBuilder: workerIndexBuilder(createIndexWorker, indexWorkerCount()) });
