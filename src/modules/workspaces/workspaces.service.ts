import { Injectable, Logger } from '@nestjs/common';
import {
  type ApiKeyScope,
  type AuthenticationResult,
  type SubscriptionStatus,
} from '../../common/auth/auth-context.js';
import { ApiError } from '../../common/errors/api-error.js';
import { newId } from '../../common/ids.js';
import { ApiKey } from './api-key.entity.js';
import { AuthChanges } from './auth-changes.js';
import {
  displayPrefix,
  generateApiKeySecret,
  hashApiKey,
  isWellFormedApiKey,
} from './api-key-secret.js';
import { Workspace } from './workspace.entity.js';
import { WorkspaceRepository } from './workspace.repository.js';

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** The full key. Returned once, at creation; only its hash is stored. */
  secret: string;
}

/** `last_used_at` is written at most this often per key and process. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class WorkspacesService {
  private readonly logger = new Logger(WorkspacesService.name);
  private readonly lastRecordedUse = new Map<string, number>();

  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly changes: AuthChanges,
  ) {}

  async createWorkspace(
    name: string,
    subscriptionStatus: SubscriptionStatus,
  ): Promise<Workspace> {
    return this.workspaces.insertWorkspace(
      Object.assign(new Workspace(), {
        id: newId('workspace'),
        name,
        subscriptionStatus,
      }),
    );
  }

  /** Every workspace, newest first. */
  async listWorkspaces(): Promise<Workspace[]> {
    return this.workspaces.listWorkspaces();
  }

  async countWorkspaces(): Promise<number> {
    return this.workspaces.countWorkspaces();
  }

  async getWorkspace(id: string): Promise<Workspace> {
    const workspace = await this.workspaces.findWorkspace(id);
    if (!workspace) {
      throw ApiError.notFound('workspace', id);
    }
    return workspace;
  }

  async setSubscriptionStatus(
    id: string,
    status: SubscriptionStatus,
  ): Promise<Workspace> {
    const workspace = await this.getWorkspace(id);
    workspace.subscriptionStatus = status;
    const saved = await this.workspaces.saveWorkspace(workspace);
    await this.changes.publish({ workspaceId: id });
    return saved;
  }

  async createApiKey(
    workspaceId: string,
    scopes: ApiKeyScope[],
    name: string,
  ): Promise<CreatedApiKey> {
    await this.getWorkspace(workspaceId);
    const secret = generateApiKeySecret();
    const apiKey = await this.workspaces.insertApiKey(
      Object.assign(new ApiKey(), {
        id: newId('apiKey'),
        workspaceId,
        name,
        keyHash: hashApiKey(secret),
        keyPrefix: displayPrefix(secret),
        scopes: [...new Set(scopes)],
        revokedAt: null,
        lastUsedAt: null,
      }),
    );
    return { apiKey, secret };
  }

  async revokeApiKey(id: string): Promise<ApiKey> {
    const apiKey = await this.workspaces.findApiKey(id);
    if (!apiKey) {
      throw ApiError.notFound('API key', id);
    }
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await this.workspaces.saveApiKey(apiKey);
      await this.changes.publish({ apiKeyId: id });
    }
    return apiKey;
  }

  async listApiKeys(workspaceId: string): Promise<ApiKey[]> {
    await this.getWorkspace(workspaceId);
    return this.workspaces.listApiKeys(workspaceId);
  }

  async authenticate(secret: string): Promise<AuthenticationResult> {
    if (!isWellFormedApiKey(secret)) {
      return { ok: false, reason: 'malformed' };
    }
    const apiKey = await this.workspaces.findApiKeyByHash(hashApiKey(secret));
    if (!apiKey?.workspace) {
      return { ok: false, reason: 'unknown' };
    }
    if (apiKey.revokedAt) {
      return { ok: false, reason: 'revoked' };
    }
    this.recordUse(apiKey.id);
    const { workspace } = apiKey;
    return {
      ok: true,
      context: {
        workspace: {
          id: workspace.id,
          name: workspace.name,
          subscriptionStatus: workspace.subscriptionStatus,
        },
        apiKey: { id: apiKey.id, name: apiKey.name, scopes: apiKey.scopes },
      },
    };
  }

  /**
   * Records that a key was used, at most once a minute per key and process, off the request path:
   * the request does not wait for the write, and a failed write only loses a timestamp.
   */
  recordUse(id: string): void {
    const now = Date.now();
    if (now - (this.lastRecordedUse.get(id) ?? 0) < LAST_USED_RESOLUTION_MS) {
      return;
    }
    this.lastRecordedUse.set(id, now);
    this.workspaces
      .touchApiKey(id)
      .catch((error: unknown) =>
        this.logger.warn(
          `Could not record the use of key ${id}: ${String(error)}`,
        ),
      );
  }
}
