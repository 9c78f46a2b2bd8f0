import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    root: './',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Most HTTP tests wait on PostgreSQL, Redis, child processes and sharp's thread pool rather
    // than on the CPU, so three files at once beat Vitest's default of cores − 1
    // (docs/performance.md#test-parallelism). Every file uses its own workspaces, queues and
    // storage, so they may overlap.
    maxWorkers: 3,
    // Bounds that only catch a hang: a busy machine (CI, other test files) slows every test down.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['./test/global-setup.ts'],
  },
});
