import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnySubscription,
  CurrentAuth,
} from '../../common/auth/auth.decorators.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { WorkspaceDto } from './workspace.dto.js';
import type { AuthContext } from '../../common/auth/auth-context.js';

@ApiTags('Workspace')
@Controller('v1/workspace')
export class WorkspacesController {
  /**
   * Returns the workspace the API key belongs to and the key's own id, name and scopes, so a
   * client can check its key. Works with any valid key, whatever the subscription status.
   */
  @ApiOperation({ summary: 'Get the calling workspace and key' })
  @ApiOkResponse({ type: WorkspaceDto })
  @Authenticated()
  @AnySubscription()
  @Get()
  getWorkspace(@CurrentAuth() auth: AuthContext): WorkspaceDto {
    return WorkspaceDto.from(auth);
  }
}
