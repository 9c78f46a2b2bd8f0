import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { API_KEY_SCOPES } from '../../common/auth/auth-context.js';
import { AdvisoryLocks } from '../../infra/database/advisory-locks.js';
import { LOCKS } from '../../infra/registry.js';
import { WorkspacesService } from './workspaces.service.js';

/**
 * Outside production, an empty database gets a development workspace and an all-scope key, printed
 * once to stdout (never to the structured log), so `npm start` is immediately usable.
 */
@Injectable()
export class DevWorkspaceSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DevWorkspaceSeeder.name);
  /**
   * What to print about the key this process created, if any. main.ts prints it once the server
   * is ready: printed here, the rest of the boot's log lines would scroll it out of sight.
   */
  private createdKeyBanner: string | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly locks: AdvisoryLocks,
    private readonly workspaces: WorkspacesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDevWorkspace) {
      return;
    }
    // Replicas booting together on an empty database seed it once.
    await this.locks.exclusive(LOCKS.devWorkspaceSeed, async () => {
      if ((await this.workspaces.countWorkspaces()) > 0) {
        return;
      }
      const workspace = await this.workspaces.createWorkspace(
        'Development',
        'active',
      );
      const { apiKey, secret } = await this.workspaces.createApiKey(
        workspace.id,
        [...API_KEY_SCOPES],
        'Development key',
      );
      this.logger.log(
        `Created development workspace ${workspace.id} with API key ${apiKey.id}`,
      );
      this.createdKeyBanner = [
        '',
        '  Development workspace created. Its API key (shown once, store it now):',
        '',
        `    ${secret}`,
        '',
        `  Try: curl -H "Authorization: Bearer ${secret}" ${this.config.publicBaseUrl}/v1/workspace`,
        '',
        '',
      ].join('\n');
    });
  }

  /** The banner of the key this process created, for stdout; undefined when it created none. */
  get banner(): string | undefined {
    return this.createdKeyBanner;
  }
}
