import {
  loadConfig,
  readEnvironment,
  type AppConfig,
} from './config/app-config.js';
import { createHttpApplication, createWorkerContext } from './bootstrap.js';
import { StartupError } from './infra/startup-error.js';
import { ConfigurationError } from './config/app-config.js';
import { assertCanListen, explainListenError } from './infra/http/listen.js';

async function start(config: AppConfig): Promise<void> {
  if (!config.runsHttp) {
    await createWorkerContext(config);
    return;
  }
  await assertCanListen(config.port, config.host);
  const app = await createHttpApplication(config);
  await app.listen(config.port, config.host).catch((error: unknown) => {
    throw explainListenError(error, config.port, config.host);
  });
}

try {
  await start(loadConfig(readEnvironment()));
} catch (error) {
  if (error instanceof ConfigurationError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
