// `npm start`'s first step: compile into dist/ only when a source changed since the last build
// (a fresh clone compiles once), then the script runs the built server itself, so no build tool
// stays resident beside it.
import { BuildFailedError, ensureBuilt } from './build-if-stale.mjs';

try {
  await ensureBuilt();
} catch (error) {
  if (!(error instanceof BuildFailedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
