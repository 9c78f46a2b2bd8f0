/**
 * Names every process of a deployment must agree on: the Bull queues and the PostgreSQL advisory
 * locks. They outlive a release (jobs wait in Redis under a queue's name; a lock id is what keeps
 * two replicas from running the same pass), so change one only with every process stopped.
 */

export const QUEUES = {
  processing: 'media-processing',
  imports: 'media-import',
  validation: 'media-validation',
  webhookDelivery: 'webhook-delivery',
  renditions: 'media-renditions',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Advisory-lock ids, one per task that must run in one process at a time across all replicas.
 * Arbitrary constants ("media-api …"), unique within the database.
 */
export const LOCKS = {
  migrations: 724_311_905,
  devWorkspaceSeed: 724_311_906,
  processingRecovery: 724_311_907,
  uploadReconciler: 724_311_908,
  importRecovery: 724_311_909,
  storageTempSweeper: 724_311_910,
  retention: 724_311_911,
  validationRecovery: 724_311_920,
  webhookRelay: 724_311_931,
  webhookRecovery: 724_311_932,
  webhookEndpointPurge: 724_311_933,
  idempotencySweep: 724_311_940,
  renditionRecovery: 724_311_950,
} as const;
