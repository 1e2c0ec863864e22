import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the audit log's filters. Each ends in position, so a filtered page
 * (`... AND position > after ORDER BY position LIMIT n`) is one index range scan.
 */
export class AddAuditIndexes1764700000002 implements MigrationInterface {
  readonly name = 'AddAuditIndexes1764700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX events_stream_position ON events (stream_id, position)');
    await queryRunner.query("CREATE INDEX events_actor_position ON events ((metadata->>'actor'), position)");
    await queryRunner.query('CREATE INDEX events_type_position ON events (type, position)');
    await queryRunner.query('CREATE INDEX events_recorded_at_position ON events (recorded_at, position)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX events_stream_position, events_actor_position, events_type_position, events_recorded_at_position');
  }
}
