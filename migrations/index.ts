import { CreateWorkspacesAndApiKeys1763884800000 } from './1763884800000-CreateWorkspacesAndApiKeys.js';
import { CreateMedia1763971200000 } from './1763971200000-CreateMedia.js';
import { UploadChecksumAndOutboxCursor1764057600000 } from './1764057600000-UploadChecksumAndOutboxCursor.js';
import { CreateImportJobs1764144000000 } from './1764144000000-CreateImportJobs.js';
import { ValidationPlatforms1764234000000 } from './1764234000000-ValidationPlatforms.js';
import { CreateWebhooks1764322200000 } from './1764322200000-CreateWebhooks.js';
import { MediaChecksums1764408600000 } from './1764408600000-MediaChecksums.js';
import { MediaPosters1764495000000 } from './1764495000000-MediaPosters.js';
import { ErasureAndRetention1764581400000 } from './1764581400000-ErasureAndRetention.js';
import { DeclaredChecksumVerified1764668000000 } from './1764668000000-DeclaredChecksumVerified.js';
import { UploadCheckedAt1764754400000 } from './1764754400000-UploadCheckedAt.js';
import { CreateIdempotencyRecords1764840800000 } from './1764840800000-CreateIdempotencyRecords.js';
import { IdempotencyRecoveryPoint1764927200000 } from './1764927200000-IdempotencyRecoveryPoint.js';
import { CreateMediaRenditions1765013600000 } from './1765013600000-CreateMediaRenditions.js';
import { ListIndexes1765100000000 } from './1765100000000-ListIndexes.js';
import { RecoveryIndexes1765186400000 } from './1765186400000-RecoveryIndexes.js';
import { OutboxQueue1765272800000 } from './1765272800000-OutboxQueue.js';
import { BackgroundEndpointDeletion1765359200000 } from './1765359200000-BackgroundEndpointDeletion.js';
import { PassIndexes1765532000000 } from './1765532000000-PassIndexes.js';
import { OutboxTraceContext1765620000000 } from './1765620000000-OutboxTraceContext.js';
import { RenditionsRequestedAt1765705600000 } from './1765705600000-RenditionsRequestedAt.js';

/** Every migration, oldest first. A new migration is added here as well as in this folder. */
export const MIGRATIONS = [
  CreateWorkspacesAndApiKeys1763884800000,
  CreateMedia1763971200000,
  UploadChecksumAndOutboxCursor1764057600000,
  CreateImportJobs1764144000000,
  ValidationPlatforms1764234000000,
  CreateWebhooks1764322200000,
  MediaChecksums1764408600000,
  MediaPosters1764495000000,
  ErasureAndRetention1764581400000,
  DeclaredChecksumVerified1764668000000,
  UploadCheckedAt1764754400000,
  CreateIdempotencyRecords1764840800000,
  IdempotencyRecoveryPoint1764927200000,
  CreateMediaRenditions1765013600000,
  ListIndexes1765100000000,
  RecoveryIndexes1765186400000,
  OutboxQueue1765272800000,
  BackgroundEndpointDeletion1765359200000,
  PassIndexes1765532000000,
  OutboxTraceContext1765620000000,
  RenditionsRequestedAt1765705600000,
];
