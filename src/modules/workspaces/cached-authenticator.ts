import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import {
  Authenticator,
  type AuthenticationResult,
  type AuthContext,
} from '../../common/auth/auth-context.js';
import { AppMetrics } from '../../infra/metrics/app-metrics.js';
import { hashApiKey } from './api-key-secret.js';
import { AuthChanges, type AuthChange } from './auth-changes.js';
import { WorkspacesService } from './workspaces.service.js';

/**
 * Bounds how stale an entry may get if an announcement is lost (Redis away when a key was
 * revoked): announcements normally drop entries at once.
 */
const ENTRY_TTL_MS = 5_000;

interface Entry {
  context: AuthContext;
  expiresAt: number;
}

/**
 * Verified keys kept in this process for a few seconds, so most requests authenticate without
 * a database round trip. A revoked key or a changed subscription is announced over Redis
 * (AuthChanges) and dropped from every process's cache at once. Only successes are cached: an
 * unknown or revoked key always asks the database.
 */
@Injectable()
export class CachedAuthenticator extends Authenticator implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly changes: AuthChanges,
    // The administrative CLI publishes changes and keeps no metrics.
    @Optional() private readonly metrics?: AppMetrics,
  ) {
    super();
  }

  onModuleInit(): void {
    this.changes.subscribe((change) => this.forget(change));
  }

  async authenticate(secret: string): Promise<AuthenticationResult> {
    const keyHash = hashApiKey(secret);
    const cached = this.entries.get(keyHash);
    if (cached && cached.expiresAt > Date.now()) {
      this.workspaces.recordUse(cached.context.apiKey.id);
      return { ok: true, context: cached.context };
    }
    const result = await this.workspaces.authenticate(secret);
    if (result.ok) {
      this.entries.set(keyHash, {
        context: result.context,
        expiresAt: Date.now() + ENTRY_TTL_MS,
      });
    } else {
      this.entries.delete(keyHash);
    }
    return result;
  }

  private forget(change: AuthChange | null): void {
    this.metrics?.countAuthInvalidation();
    for (const [keyHash, { context }] of this.entries) {
      if (
        change === null ||
        ('apiKeyId' in change && context.apiKey.id === change.apiKeyId) ||
        ('workspaceId' in change && context.workspace.id === change.workspaceId)
      ) {
        this.entries.delete(keyHash);
      }
    }
  }
}
