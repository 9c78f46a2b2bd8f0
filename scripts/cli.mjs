// `npm run cli -- <command>`: runs the compiled CLI, compiling first only when a source changed.
// Never `nest build`: its deleteOutDir would empty dist/ under a running server.
import { BuildFailedError, ensureBuilt } from './build-if-stale.mjs';

try {
  await ensureBuilt();
  const { main } = await import('../dist/src/cli.js');
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BuildFailedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
