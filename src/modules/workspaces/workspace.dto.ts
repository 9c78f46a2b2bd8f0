import {
  API_KEY_SCOPES,
  SUBSCRIPTION_STATUSES,
  type ApiKeyScope,
  type AuthContext,
  type SubscriptionStatus,
} from '../../common/auth/auth-context.js';
import { ApiProperty } from '@nestjs/swagger';

export class CallingApiKeyDto {
  /** @example "key_3k2j4h5g6f7d8s9a0q1w2e3r" */
  id: string;
  name: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  scopes: ApiKeyScope[];
}

export class WorkspaceDto {
  /** @example "ws_8f7e6d5c4b3a2z1y0x9w8v7u" */
  id: string;
  name: string;
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES })
  subscriptionStatus: SubscriptionStatus;
  /** The key that made this request. */
  apiKey: CallingApiKeyDto;

  static from({ workspace, apiKey }: AuthContext): WorkspaceDto {
    return {
      id: workspace.id,
      name: workspace.name,
      subscriptionStatus: workspace.subscriptionStatus,
      apiKey: { id: apiKey.id, name: apiKey.name, scopes: apiKey.scopes },
    };
  }
}
