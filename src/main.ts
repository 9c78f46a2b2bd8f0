import {
  ConfigurationError,
  loadConfig,
  readEnvironment,
} from './config/app-config.js';
import { logShutdown } from './common/logging/shutdown-log.js';
import { StartupError } from './infra/startup-error.js';

logShutdown();
try {
  const config = loadConfig(readEnvironment());
  // Tracing patches Express, pg, ioredis and undici as they load, so the application is imported
  // only once it has started; with tracing off no part of the SDK is loaded.
  if (config.tracing) {
    const { startTracing } = await import('./infra/tracing/start-tracing.js');
    await startTracing(config.tracing);
  }
  const { startRole } = await import('./start-role.js');
  await startRole(config);
} catch (error) {
  if (error instanceof ConfigurationError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
