import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  managerOf,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import { ApiKey } from './api-key.entity.js';
import { Workspace } from './workspace.entity.js';

/** The only code that reads or writes `workspaces` and `api_keys`. */
@Injectable()
export class WorkspaceRepository {
  constructor(
    @InjectRepository(Workspace)
    private readonly workspaces: Repository<Workspace>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
  ) {}

  insertWorkspace(workspace: Workspace): Promise<Workspace> {
    return this.workspaces.save(workspace);
  }

  /** Every workspace, newest first. */
  listWorkspaces(): Promise<Workspace[]> {
    return this.workspaces.find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  countWorkspaces(): Promise<number> {
    return this.workspaces.count();
  }

  findWorkspace(id: string): Promise<Workspace | null> {
    return this.workspaces.findOneBy({ id });
  }

  saveWorkspace(workspace: Workspace): Promise<Workspace> {
    return this.workspaces.save(workspace);
  }

  /**
   * Takes the workspace's row lock in `tx`: what must not happen twice at once in one workspace
   * (creations counted against a cap) holds it.
   */
  async lockWorkspace(id: string, tx: Transaction): Promise<void> {
    await managerOf(this.workspaces.manager.connection, tx).findOne(Workspace, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  insertApiKey(apiKey: ApiKey): Promise<ApiKey> {
    return this.apiKeys.save(apiKey);
  }

  findApiKey(id: string): Promise<ApiKey | null> {
    return this.apiKeys.findOneBy({ id });
  }

  saveApiKey(apiKey: ApiKey): Promise<ApiKey> {
    return this.apiKeys.save(apiKey);
  }

  listApiKeys(workspaceId: string): Promise<ApiKey[]> {
    return this.apiKeys.find({
      where: { workspaceId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The key with this hash, with its workspace, or null. */
  findApiKeyByHash(keyHash: string): Promise<ApiKey | null> {
    return this.apiKeys.findOne({
      where: { keyHash },
      relations: { workspace: true },
    });
  }

  /** Sets `last_used_at` to now unless it was set within the last minute. */
  async touchApiKey(id: string): Promise<void> {
    await this.apiKeys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere(
        "(last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
      )
      .execute();
  }
}
