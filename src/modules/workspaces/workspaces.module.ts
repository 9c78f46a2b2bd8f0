import { Module } from '@nestjs/common';
import { Authenticator } from '../../common/auth/auth-context.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-key.entity.js';
import { AuthChanges } from './auth-changes.js';
import { CachedAuthenticator } from './cached-authenticator.js';
import { DevWorkspaceSeeder } from './dev-workspace.seeder.js';
import { Workspace } from './workspace.entity.js';
import { WorkspacesController } from './workspaces.controller.js';
import { WorkspaceRepository } from './workspace.repository.js';
import { WorkspacesService } from './workspaces.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Workspace, ApiKey])],
  controllers: [WorkspacesController],
  providers: [
    WorkspaceRepository,
    WorkspacesService,
    DevWorkspaceSeeder,
    AuthChanges,
    CachedAuthenticator,
    { provide: Authenticator, useExisting: CachedAuthenticator },
  ],
  exports: [WorkspacesService, WorkspaceRepository, Authenticator],
})
export class WorkspacesModule {}
