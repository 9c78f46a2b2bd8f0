import { parseArgs } from 'node:util';
import { ApiError } from '../../common/errors/api-error.js';
import {
  API_KEY_SCOPES,
  SUBSCRIPTION_STATUSES,
  type ApiKeyScope,
  type SubscriptionStatus,
} from '../../common/auth/auth-context.js';
import type { ApiKey } from './api-key.entity.js';
import type { Workspace } from './workspace.entity.js';
import type { WorkspacesService } from './workspaces.service.js';

export const CLI_USAGE = `Usage: npm run cli -- <command> [options] [--json]
       media-api <command> [options] [--json]

Commands:
  workspace:list
  workspace:create --name <name> [--subscription <${SUBSCRIPTION_STATUSES.join('|')}>]
  workspace:set-subscription <workspaceId> <status>
  apikey:create --workspace <workspaceId> --scopes <scope,scope> [--name <name>]
  apikey:revoke <apiKeyId>
  apikey:list --workspace <workspaceId>

  help, --help, -h

Scopes: ${API_KEY_SCOPES.join(', ')}
`;

/** `help` as the command, or `--help`/`-h` anywhere: print the usage instead of running anything. */
export function isHelpRequest(argv: string[]): boolean {
  return argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');
}

/** Aligns the columns after the status in `workspace:list`. */
const STATUS_WIDTH = Math.max(
  ...SUBSCRIPTION_STATUSES.map((status) => status.length),
);

/** A mistake in how the CLI was called; printed with the usage text. */
export class CliUsageError extends Error {}

export interface CliOutput {
  /** What `--json` prints. */
  json: unknown;
  /** What a person sees without `--json`. */
  text: string;
}

function parseSubscription(
  value: string | undefined,
  fallback?: SubscriptionStatus,
): SubscriptionStatus {
  const status = value ?? fallback;
  if (
    !status ||
    !(SUBSCRIPTION_STATUSES as readonly string[]).includes(status)
  ) {
    throw new CliUsageError(
      `subscription status must be one of ${SUBSCRIPTION_STATUSES.join(', ')}`,
    );
  }
  return status as SubscriptionStatus;
}

function parseScopes(value: string | undefined): ApiKeyScope[] {
  const scopes = (value ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.filter(
    (scope) => !(API_KEY_SCOPES as readonly string[]).includes(scope),
  );
  if (scopes.length === 0 || unknown.length > 0) {
    throw new CliUsageError(
      unknown.length > 0
        ? `unknown scope ${unknown.join(', ')}`
        : '--scopes needs at least one scope',
    );
  }
  return scopes as ApiKeyScope[];
}

function required(value: string | undefined, what: string): string {
  if (!value?.trim()) {
    throw new CliUsageError(`${what} is required`);
  }
  return value.trim();
}

const workspaceJson = (workspace: Workspace) => ({
  id: workspace.id,
  name: workspace.name,
  subscriptionStatus: workspace.subscriptionStatus,
  createdAt: workspace.createdAt.toISOString(),
});

const apiKeyJson = (apiKey: ApiKey) => ({
  id: apiKey.id,
  workspaceId: apiKey.workspaceId,
  name: apiKey.name,
  prefix: apiKey.keyPrefix,
  scopes: apiKey.scopes,
  createdAt: apiKey.createdAt.toISOString(),
  revokedAt: apiKey.revokedAt?.toISOString() ?? null,
  lastUsedAt: apiKey.lastUsedAt?.toISOString() ?? null,
});

/** Runs one administrative command against the workspaces service. */
export async function runWorkspacesCommand(
  service: WorkspacesService,
  command: string | undefined,
  args: string[],
): Promise<CliOutput> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      subscription: { type: 'string' },
      workspace: { type: 'string' },
      scopes: { type: 'string' },
    },
  });
  switch (command) {
    case 'workspace:list': {
      const workspaces = await service.listWorkspaces();
      const lines = workspaces.map(
        (workspace) =>
          `${workspace.id}  ${workspace.subscriptionStatus.padEnd(STATUS_WIDTH)}  ${workspace.createdAt.toISOString()}  ${workspace.name}`,
      );
      return {
        json: workspaces.map(workspaceJson),
        text: lines.length > 0 ? lines.join('\n') : 'No workspaces',
      };
    }
    case 'workspace:create': {
      const workspace = await service.createWorkspace(
        required(values.name, '--name'),
        parseSubscription(values.subscription, 'trialing'),
      );
      return {
        json: workspaceJson(workspace),
        text: `Created workspace ${workspace.id} "${workspace.name}" (${workspace.subscriptionStatus})`,
      };
    }
    case 'workspace:set-subscription': {
      const workspace = await service.setSubscriptionStatus(
        required(positionals[0], '<workspaceId>'),
        parseSubscription(required(positionals[1], '<status>')),
      );
      return {
        json: workspaceJson(workspace),
        text: `Workspace ${workspace.id} subscription is now ${workspace.subscriptionStatus}`,
      };
    }
    case 'apikey:create': {
      const { apiKey, secret } = await service.createApiKey(
        required(values.workspace, '--workspace'),
        parseScopes(values.scopes),
        values.name?.trim() || 'API key',
      );
      return {
        json: { ...apiKeyJson(apiKey), key: secret },
        text: `Created API key ${apiKey.id} with scopes ${apiKey.scopes.join(', ')}.\nThe key is shown only now; store it safely:\n\n  ${secret}\n`,
      };
    }
    case 'apikey:revoke': {
      const apiKey = await service.revokeApiKey(
        required(positionals[0], '<apiKeyId>'),
      );
      return { json: apiKeyJson(apiKey), text: `Revoked API key ${apiKey.id}` };
    }
    case 'apikey:list': {
      const keys = await service.listApiKeys(
        required(values.workspace, '--workspace'),
      );
      const lines = keys.map(
        (key) =>
          `${key.id}  ${key.keyPrefix}…  ${key.revokedAt ? 'revoked' : 'active '}  ${key.scopes.join(',')}  ${key.name}`,
      );
      return {
        json: keys.map(apiKeyJson),
        text: lines.length > 0 ? lines.join('\n') : 'No API keys',
      };
    }
    default:
      throw new CliUsageError(
        command ? `unknown command ${command}` : 'a command is required',
      );
  }
}

export function describeCliError(error: unknown): string | undefined {
  if (error instanceof CliUsageError) {
    return `${error.message}\n\n${CLI_USAGE}`;
  }
  if (error instanceof ApiError) {
    return error.message;
  }
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    return `${error.message}\n\n${CLI_USAGE}`;
  }
  return undefined;
}
