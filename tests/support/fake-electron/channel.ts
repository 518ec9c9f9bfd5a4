/**
 * The fake Electron's side of the line to the test: events out, commands in, one reply per
 * command. The test starts the app with child_process.fork, so this is Node's IPC channel;
 * while the test listens, it also keeps the process alive, as Electron's main loop would.
 */
import type { CommandEnvelope, FakeElectronCommand, FakeElectronEvent, FakeElectronMessage } from './protocol';

const pending = new Set<Promise<void>>();

function send(message: FakeElectronMessage): void {
  // Started without a test (by hand, to look at it): nobody to tell.
  if (!process.send || !process.connected) return;
  const sent = new Promise<void>((resolve) => {
    process.send!(message, undefined, {}, () => resolve());
  });
  pending.add(sent);
  void sent.then(() => pending.delete(sent));
}

export function report(event: FakeElectronEvent): void {
  send({ type: 'event', event });
}

/** Resolves once everything reported so far has been handed to the test. */
export async function flush(): Promise<void> {
  await Promise.all([...pending]);
}

export function onCommand(run: (command: FakeElectronCommand) => Promise<unknown>): void {
  process.on('message', (raw: unknown) => {
    const { id, command } = raw as CommandEnvelope;
    run(command).then(
      (value) => send({ type: 'reply', id, ok: true, value }),
      (error: unknown) => send({ type: 'reply', id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
