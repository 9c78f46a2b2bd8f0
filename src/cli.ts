#!/usr/bin/env node
import { NestFactory } from '@nestjs/core';
import { realpathSync } from 'node:fs';
import { CliModule } from './cli.module.js';
import {
  ConfigurationError,
  loadConfig,
  readEnvironment,
} from './config/app-config.js';
import { ensureDatabase } from './infra/database/ensure-database.js';
import { StartupError } from './infra/startup-error.js';
import {
  CLI_USAGE,
  describeCliError,
  isHelpRequest,
  runWorkspacesCommand,
} from './modules/workspaces/workspaces.cli.js';
import { WorkspacesService } from './modules/workspaces/workspaces.service.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `npm run cli -- <command>` (or the `media-api` bin): administers workspaces and API keys.
 * Returns the exit code. The environment is passed in so tests can point it at their own database.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  env: Record<string, string | undefined> = readEnvironment(),
): Promise<number> {
  if (isHelpRequest(argv)) {
    io.stdout(CLI_USAGE);
    return 0;
  }
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

/** Runs the CLI on this process's standard streams and environment; sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

// npm's bin shim is a symlink to this file: compare real paths, as import.meta.filename is one.
if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) {
  await main(process.argv.slice(2));
}
