import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module.js';
import {
  ConfigurationError,
  loadConfig,
  readEnvironment,
} from './config/app-config.js';
import { ensureDatabase } from './infra/database/ensure-database.js';
import { StartupError } from './infra/startup-error.js';
import {
  describeCliError,
  runWorkspacesCommand,
} from './modules/workspaces/workspaces.cli.js';
import { WorkspacesService } from './modules/workspaces/workspaces.service.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `npm run cli -- <command>`: administers workspaces and API keys. Returns the exit code.
 * The environment is passed in so tests can point it at their own database.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  env: Record<string, string | undefined> = readEnvironment(),
): Promise<number> {
  const json = argv.includes('--json');
  const [command, ...args] = argv.filter((arg) => arg !== '--json');
  try {
    const config = loadConfig({ ...env, DEV_WORKSPACE_SEED: 'false' });
    await ensureDatabase(config.databaseUrl);
    const context = await NestFactory.createApplicationContext(
      CliModule.register(config),
      {
        logger: false,
        abortOnError: false,
      },
    );
    try {
      const output = await runWorkspacesCommand(
        context.get(WorkspacesService),
        command,
        args,
      );
      io.stdout(
        json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`,
      );
      return 0;
    } finally {
      await context.close();
    }
  } catch (error) {
    const message =
      error instanceof ConfigurationError || error instanceof StartupError
        ? error.message
        : describeCliError(error);
    if (message === undefined) {
      throw error;
    }
    io.stderr(
      json
        ? `${JSON.stringify({ error: message.split('\n')[0] })}\n`
        : `Error: ${message}\n`,
    );
    return 1;
  }
}

if (process.argv[1] === import.meta.filename) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
