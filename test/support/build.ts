/**
 * For tests that spawn `node dist/src/...`: `await ensureBuilt()` in beforeAll compiles dist/ when
 * a source is newer than it, with the same staleness check and lock as `npm run cli`, so those
 * tests never run a stale build and never build at the same time as each other or the CLI.
 */
export { ensureBuilt, isBuildCurrent } from '../../scripts/build-if-stale.mjs';
