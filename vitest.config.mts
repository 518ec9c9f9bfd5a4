import { defineConfig } from 'vitest/config';

// Two projects: the core, CLI and shell under plain Node, and the renderer's unit tests in a
// DOM (jsdom) with Testing Library. `npx vitest run` (and `npm test`) runs both.
export default defineConfig({
  test: {
    // Real SQLite files and HTTP servers: give slow shared machines room, never retry.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/renderer/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/renderer/setup.ts'],
          environmentOptions: { jsdom: { url: 'http://127.0.0.1/' } },
        },
      },
    ],
  },
});
