import { Logger, type INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { createHttpApplication, createWorkerContext } from './bootstrap.js';
import {
  assertCanListen,
  explainListenError,
  listenUrl,
} from './infra/http/listen.js';
import { WorkerProbeServer } from './modules/health/worker-probe.server.js';
import { DevWorkspaceSeeder } from './modules/workspaces/dev-workspace.seeder.js';

const WORKER_PROBE_VARIABLES = 'WORKER_HEALTH_PORT/HOST';

/** Last, once the process is ready, so the key is the last thing on the screen. */
function printDevWorkspaceBanner(context: INestApplicationContext): void {
  const { banner } = context.get(DevWorkspaceSeeder);
  if (banner) {
    process.stdout.write(banner);
  }
}

/** Runs the role APP_ROLE names: the HTTP API, the worker, or both. */
export async function startRole(config: AppConfig): Promise<void> {
  const logger = new Logger('Bootstrap');
  if (!config.runsHttp) {
    const probes = config.workerHealthPort > 0;
    if (probes) {
      await assertCanListen(
        config.workerHealthPort,
        config.host,
        WORKER_PROBE_VARIABLES,
      );
    }
    const context = await createWorkerContext(config);
    if (probes) {
      await context.get(WorkerProbeServer).listen();
    }
    logger.log(
      probes
        ? `Worker running — health and metrics on ${listenUrl(config.workerHealthPort, config.host)}`
        : 'Worker running — health port off (WORKER_HEALTH_PORT=0)',
    );
    printDevWorkspaceBanner(context);
    return;
  }
  await assertCanListen(config.port, config.host);
  const app = await createHttpApplication(config);
  await app.listen(config.port, config.host).catch((error: unknown) => {
    throw explainListenError(error, config.port, config.host);
  });
  logger.log(
    `Listening on ${listenUrl(config.port, config.host)} — docs at ${config.publicBaseUrl}/docs`,
  );
  printDevWorkspaceBanner(app);
}
