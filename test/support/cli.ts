import { runCli } from '../../src/cli.js';
import { testEnvironment } from './test-app.js';

async function cliJson(
  env: Record<string, string>,
  ...argv: string[]
): Promise<Record<string, string>> {
  let out = '';
  let err = '';
  const code = await runCli(
    [...argv, '--json'],
    { stdout: (text) => (out += text), stderr: (text) => (err += text) },
    env,
  );
  if (code !== 0) {
    throw new Error(`cli ${argv.join(' ')} failed: ${err}`);
  }
  return JSON.parse(out) as Record<string, string>;
}

/**
 * An active workspace and a key with `scopes`, made with the admin CLI as an operator would, for
 * tests whose API runs in a separate process (no in-process WorkspacesService to call).
 */
export async function createWorkspaceWithCli(
  scopes: string,
  env: Record<string, string> = testEnvironment(),
): Promise<{ workspaceId: string; apiKey: string }> {
  const workspace = await cliJson(
    env,
    'workspace:create',
    '--name',
    'CLI test',
    '--subscription',
    'active',
  );
  const { key } = await cliJson(
    env,
    'apikey:create',
    '--workspace',
    workspace.id,
    '--scopes',
    scopes,
  );
  return { workspaceId: workspace.id, apiKey: key };
}
