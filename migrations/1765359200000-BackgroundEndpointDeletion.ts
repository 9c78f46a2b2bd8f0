import {
  TableColumn,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * Deleting a webhook endpoint no longer deletes its deliveries and attempts in the request (one
 * transaction whose length grew with the endpoint's history: hours for a million deliveries).
 * `DELETE /v1/webhooks/:id` sets `webhook_endpoints.deleted_at`, which hides the endpoint from
 * every read and from the relay at once; the endpoint purge pass then deletes its deliveries in
 * batches (each delivery's attempts by cascade through `idx_webhook_attempts_delivery`) and finally
 * the endpoint row. (`webhook_attempts.delivery_id` has been indexed since ErasureAndRetention
 * 1764581400000: the hours-long delete was measured without it; with it, the one-statement
 * delete of 500,000 deliveries and attempts still held one transaction for 2.5 s.)
 * - `idx_webhook_endpoints_deleted`: the pass finds deleted endpoints without reading live ones.
 * - `idx_webhook_deliveries_endpoint` (endpoint_id, id) replaces (endpoint_id, state): the purge
 *   walks an endpoint's deliveries in id order from a cursor, so a batch never re-reads the
 *   entries of deliveries deleted by the batches before it; it also serves the endpoint's cascade.
 *   Nothing read deliveries by endpoint and state, and with `state` out of the index a delivery's
 *   change of state touches one index less.
 */
export class BackgroundEndpointDeletion1765359200000 implements MigrationInterface {
  name = 'BackgroundEndpointDeletion1765359200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'webhook_endpoints',
      new TableColumn({
        name: 'deleted_at',
        type: 'timestamptz',
        isNullable: true,
      }),
    );
    await queryRunner.createIndex(
      'webhook_endpoints',
      new TableIndex({
        name: 'idx_webhook_endpoints_deleted',
        columnNames: ['deleted_at'],
        where: '"deleted_at" IS NOT NULL',
      }),
    );
    await queryRunner.createIndex(
      'webhook_deliveries',
      new TableIndex({
        name: 'idx_webhook_deliveries_endpoint',
        columnNames: ['endpoint_id', 'id'],
      }),
    );
    await queryRunner.dropIndex(
      'webhook_deliveries',
      'idx_webhook_deliveries_endpoint_state',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DELETE FROM webhook_endpoints WHERE deleted_at IS NOT NULL',
    );
    await queryRunner.createIndex(
      'webhook_deliveries',
      new TableIndex({
        name: 'idx_webhook_deliveries_endpoint_state',
        columnNames: ['endpoint_id', 'state'],
      }),
    );
    await queryRunner.dropIndex(
      'webhook_deliveries',
      'idx_webhook_deliveries_endpoint',
    );
    await queryRunner.dropIndex(
      'webhook_endpoints',
      'idx_webhook_endpoints_deleted',
    );
    await queryRunner.dropColumn('webhook_endpoints', 'deleted_at');
  }
}
