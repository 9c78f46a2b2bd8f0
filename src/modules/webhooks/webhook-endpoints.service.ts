import { Injectable, Logger } from '@nestjs/common';
import { ApiError } from '../../common/errors/api-error.js';
import { isId, newId } from '../../common/ids.js';
import { pageOf, type Page } from '../../common/pagination/page.js';
import { SealedCursors } from '../../common/pagination/sealed-cursors.js';
import { AppConfig } from '../../config/app-config.js';
import {
  UnitOfWork,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import { FetchError } from '../../infra/fetch/fetch-error.js';
import { SafeFetcher } from '../../infra/fetch/safe-fetcher.js';
import { SigningKeys } from '../../infra/secrets/signing-keys.js';
import { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { WebhookAttempt } from './webhook-attempt.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookRepository } from './webhook.repository.js';
import {
  newWebhookSecret,
  WEBHOOK_SECRET_KEYS,
  WebhookSecretBox,
} from './webhook-secrets.js';

/** A new endpoint a client asks for. */
export interface EndpointRequest {
  url: string;
  events: string[];
  description?: string;
}

/** The fields of an endpoint a client changes; absent ones stay as they are. */
export interface EndpointChanges {
  url?: string;
  events?: string[];
  description?: string | null;
  enabled?: boolean;
}

/** Each endpoint receives every event of its workspace: a cap keeps one upload's fan-out bounded. */
const MAX_ENDPOINTS_PER_WORKSPACE = 20;
/** How long a rotated-out secret keeps signing, so receivers can switch without missing events. */
const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** A workspace's webhook endpoints and their delivery log, always scoped by the caller's workspace. */
@Injectable()
export class WebhookEndpointsService {
  private readonly logger = new Logger(WebhookEndpointsService.name);
  private readonly secrets: WebhookSecretBox;
  private readonly cursors: SealedCursors;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly fetcher: SafeFetcher,
    private readonly config: AppConfig,
    keys: SigningKeys,
  ) {
    this.secrets = new WebhookSecretBox(keys.keyring(WEBHOOK_SECRET_KEYS));
    this.cursors = new SealedCursors(keys.keyring('webhook-list-cursor'));
  }

  /** Saves a new endpoint; its secret is returned here and never again. */
  async create(
    workspaceId: string,
    body: EndpointRequest,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const url = await this.checkUrl(body.url);
    const id = newId('webhookEndpoint');
    const secret = newWebhookSecret();
    const endpoint = Object.assign(new WebhookEndpoint(), {
      id,
      workspaceId,
      url,
      description: body.description ?? null,
      events: body.events,
      enabled: true,
      disabledReason: null,
      secretSealed: this.secrets.seal(id, secret),
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      failingSince: null,
    });
    await this.unitOfWork.run(async (tx) => {
      // The workspace row lock serialises creations, so the cap holds under concurrent requests.
      await this.workspaces.lockWorkspace(workspaceId, tx);
      const count = await this.webhooks.countEndpoints(workspaceId, tx);
      if (count >= MAX_ENDPOINTS_PER_WORKSPACE) {
        throw new ApiError(
          'conflict',
          `A workspace can have at most ${MAX_ENDPOINTS_PER_WORKSPACE} webhook endpoints; delete one first`,
        );
      }
      await this.webhooks.insertEndpoint(endpoint, tx);
      await this.unitOfWork.recordCreated(tx, [endpoint.id]);
    });
    return { endpoint, secret };
  }

  async list(
    workspaceId: string,
    { limit = 20, cursor }: { limit?: number; cursor?: string },
  ): Promise<Page<WebhookEndpoint>> {
    const rows = await this.webhooks.listEndpoints(workspaceId, {
      limit: limit + 1,
      beforeSeq:
        cursor === undefined
          ? undefined
          : this.cursors.decode(workspaceId, cursor),
    });
    return pageOf(rows, limit, (last) =>
      this.cursors.encode(workspaceId, last.seq),
    );
  }

  /** The endpoint, or 404 `not_found` when it does not exist in this workspace. */
  async get(workspaceId: string, id: string): Promise<WebhookEndpoint> {
    const endpoint = isId('webhookEndpoint', id)
      ? await this.webhooks.findEndpoint(workspaceId, id)
      : null;
    if (!endpoint) {
      throw ApiError.notFound('webhook endpoint', id);
    }
    return endpoint;
  }

  /**
   * Applies the given fields. Disabling drops the retries that come due while it lasts; enabling
   * clears the reason the service disabled it for, and its record of failures.
   */
  async update(
    workspaceId: string,
    id: string,
    body: EndpointChanges,
  ): Promise<WebhookEndpoint> {
    await this.get(workspaceId, id);
    const url =
      body.url === undefined ? undefined : await this.checkUrl(body.url);
    return this.unitOfWork.run(async (tx) => {
      const endpoint = await this.lock(workspaceId, id, tx);
      if (url !== undefined) {
        endpoint.url = url;
      }
      if (body.events !== undefined) {
        endpoint.events = body.events;
      }
      if (body.description !== undefined) {
        endpoint.description = body.description;
      }
      if (body.enabled === true && !endpoint.enabled) {
        endpoint.enabled = true;
        endpoint.disabledReason = null;
        endpoint.failingSince = null;
      } else if (body.enabled === false && endpoint.enabled) {
        endpoint.enabled = false;
      }
      return this.webhooks.saveEndpoint(endpoint, tx);
    });
  }

  /**
   * Removes the endpoint: it is gone for the client and receives nothing more from now on. Its
   * deliveries and their log, which may be millions of rows, are deleted by the endpoint purge pass.
   */
  async delete(workspaceId: string, id: string): Promise<void> {
    const endpoint = await this.get(workspaceId, id);
    await this.webhooks.softDeleteEndpoint(workspaceId, endpoint.id);
  }

  /**
   * A new secret, returned once. The previous one keeps signing (beside the new one) for 24 h;
   * a secret rotated out before that ends is dropped at once.
   */
  async rotateSecret(
    workspaceId: string,
    id: string,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    await this.get(workspaceId, id);
    const secret = newWebhookSecret();
    const endpoint = await this.unitOfWork.run(async (tx) => {
      const current = await this.lock(workspaceId, id, tx);
      current.previousSecretSealed = current.secretSealed;
      current.previousSecretExpiresAt = new Date(
        Date.now() + SECRET_OVERLAP_MS,
      );
      current.secretSealed = this.secrets.seal(id, secret);
      return this.webhooks.saveEndpoint(current, tx);
    });
    return { endpoint, secret };
  }

  /** The delivery attempts to one endpoint, newest first. */
  async listAttempts(
    workspaceId: string,
    id: string,
    { limit = 20, cursor }: { limit?: number; cursor?: string },
  ): Promise<Page<WebhookAttempt>> {
    await this.get(workspaceId, id);
    const scope = `${workspaceId}/${id}`;
    const rows = await this.webhooks.listAttempts(id, {
      limit: limit + 1,
      beforeId:
        cursor === undefined ? undefined : this.cursors.decode(scope, cursor),
    });
    return pageOf(rows, limit, (last) => this.cursors.encode(scope, last.id));
  }

  /**
   * The secrets a delivery is signed with now: the current one, and a rotated-out one still valid.
   * A rotated-out secret that no longer opens (sealed under a STORAGE_SIGNING_SECRET this server no
   * longer holds) is left out and logged: the delivery goes out signed with the current one.
   */
  signingSecrets(endpoint: WebhookEndpoint, now = new Date()): string[] {
    const secrets = [this.secrets.open(endpoint.id, endpoint.secretSealed)];
    if (
      endpoint.previousSecretSealed &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    ) {
      try {
        secrets.push(
          this.secrets.open(endpoint.id, endpoint.previousSecretSealed),
        );
      } catch {
        this.logger.warn(
          `Webhook endpoint ${endpoint.id}: its previous secret cannot be opened with the configured STORAGE_SIGNING_SECRET(_PREVIOUS); deliveries are signed with the current secret only`,
        );
      }
    }
    return secrets;
  }

  /**
   * A target must be https on a public host (plain http and private hosts only with
   * FETCH_ALLOW_PRIVATE_ADDRESSES), checked by resolving it now; deliveries check it again. The
   * host is checked before the scheme, so `http://localhost:…` is refused as every route refuses a
   * private host, naming the setting that allows both.
   */
  private async checkUrl(raw: string): Promise<string> {
    try {
      const url = this.fetcher.checkWithoutResolving(raw);
      if (
        url.protocol !== 'https:' &&
        !this.config.fetch.allowPrivateAddresses
      ) {
        throw ApiError.validation('url', 'url must be an https URL');
      }
      return (await this.fetcher.assertReachable(url)).href;
    } catch (error) {
      if (!(error instanceof FetchError)) {
        throw error;
      }
      throw ApiError.validation(
        'url',
        error.kind === 'blocked_address'
          ? error.message
          : `url must be a public https URL: ${error.message}`,
      );
    }
  }

  private async lock(
    workspaceId: string,
    id: string,
    tx: Transaction,
  ): Promise<WebhookEndpoint> {
    const endpoint = await this.webhooks.lockEndpoint(workspaceId, id, tx);
    if (!endpoint) {
      throw ApiError.notFound('webhook endpoint', id);
    }
    return endpoint;
  }
}
