/**
 * How long an event loop was blocked: a timer ticking every few milliseconds notes the longest
 * gap between its ticks — a loop busy with synchronous work cannot run it, so the gap is the
 * block (plus one tick). Used by the fake Electron inside the app's main process and by the
 * tests in their own process, so both sides are measured the same way.
 */
import { performance } from 'node:perf_hooks';

export interface LoopWatch {
  /** Waits for one more tick (so a block just before is counted), stops, and gives the longest gap in ms. */
  stop(): Promise<number>;
}

export function watchEventLoop(tickMs = 5): LoopWatch {
  let last = performance.now();
  let longest = 0;
  let onTick: (() => void) | null = null;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    onTick?.();
  }, tickMs);
  return {
    stop: () =>
      new Promise<number>((resolve) => {
        onTick = () => {
          clearInterval(timer);
          resolve(longest);
        };
      }),
  };
}
