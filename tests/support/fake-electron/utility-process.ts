/**
 * What Electron gives a utility process, for a module the fake's utilityProcess.fork runs in
 * a Node child: process.parentPort, whose 'message' listeners receive `{ data, ports }` (the
 * messages that came before the first listener are queued, as Electron queues them) and whose
 * postMessage reaches the parent's UtilityProcess 'message' event. The parent speaks over
 * Node's IPC channel (advanced serialization: structured clones, as Electron's ports carry).
 */
import { EventEmitter } from 'node:events';

class FakeParentPort extends EventEmitter {
  private readonly queued: unknown[] = [];

  constructor() {
    super();
    process.on('message', (data: unknown) => {
      this.queued.push(data);
      this.deliver();
    });
    // A listener is added after 'newListener' returns; deliver what waited once it is there.
    this.on('newListener', (event: string | symbol) => {
      if (event === 'message') setImmediate(() => this.deliver());
    });
  }

  private deliver(): void {
    while (this.queued.length > 0 && this.listenerCount('message') > 0) {
      this.emit('message', { data: this.queued.shift(), ports: [] });
    }
  }

  postMessage(message: unknown): void {
    if (process.connected) process.send?.(message);
  }
}

Object.defineProperty(process, 'parentPort', { value: new FakeParentPort(), enumerable: true });
Object.defineProperty(process, 'type', { value: 'utility', enumerable: true });
// Electron ends a utility process when its app goes away.
process.on('disconnect', () => process.exit(0));
