/**
 * How long an event loop was blocked: a timer ticking every few milliseconds notes the longest
 * gap between its ticks — a loop busy with synchronous work cannot run it, so the gap is the
 * block (plus one tick). Used by the fake Electron inside the app's main process and by the
 * tests in their own process, so both sides are measured the same way.
 */
import { performance } from 'node:perf_hooks';

export interface LoopReport {
  /** The longest gap between ticks: what a person would feel as a freeze (a busy machine that
   * does not schedule the process adds to it too). */
  longestBlockMs: number;
  /** How long the loop was busy running code (Node's event-loop utilization, active time): the
   * work itself, which time spent waiting for a CPU does not inflate. */
  busyMs: number;
}

export interface LoopWatch {
  /** Waits for one more tick (so a block just before is counted), stops, and reports. */
  stop(): Promise<LoopReport>;
}

export function watchEventLoop(tickMs = 5): LoopWatch {
  let last = performance.now();
  let longest = 0;
  let onTick: (() => void) | null = null;
  const utilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    onTick?.();
  }, tickMs);
  return {
    stop: () =>
      new Promise<LoopReport>((resolve) => {
        onTick = () => {
          clearInterval(timer);
          resolve({ longestBlockMs: longest, busyMs: performance.eventLoopUtilization(utilization).active });
        };
      }),
  };
}
