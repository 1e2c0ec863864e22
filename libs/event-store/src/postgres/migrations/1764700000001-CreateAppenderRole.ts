import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the event store's connections take on: it may read and append events, nothing else. */
export const APPENDER_ROLE = 'storyline_appender';

/**
 * Creates the NOLOGIN role {@link APPENDER_ROLE} unless it exists (roles are shared by every
 * database of a server, and several databases may migrate at once) and grants it, in this
 * database, SELECT and INSERT on events only. Without UPDATE, DELETE or TRUNCATE, history
 * cannot be changed through the store's connections even with the immutability trigger off.
 * A login that may not create roles gets a warning, not a failed start: the store then
 * appends with the login's own rights (docs/audit.md says how to set the role up by hand).
 */
export class CreateAppenderRole1764700000001 implements MigrationInterface {
  readonly name = 'CreateAppenderRole1764700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPENDER_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APPENDER_ROLE} NOLOGIN;
          EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
              NULL; -- another database on this server created it meanwhile
            WHEN insufficient_privilege THEN
              RAISE WARNING 'cannot create the role ${APPENDER_ROLE} (%); events will be appended with the login''s own rights', SQLERRM;
              RETURN;
          END;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APPENDER_ROLE}', current_schema());
        REVOKE ALL ON events FROM ${APPENDER_ROLE};
        GRANT SELECT, INSERT ON events TO ${APPENDER_ROLE};
        -- The login that runs migrations is usually the one the app runs with: let it take the role on.
        IF NOT pg_has_role(current_user, '${APPENDER_ROLE}', 'MEMBER') THEN
          BEGIN
            EXECUTE format('GRANT ${APPENDER_ROLE} TO %I', current_user);
          EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'cannot grant ${APPENDER_ROLE} to % (%); grant it by hand', current_user, SQLERRM;
          END;
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The role may serve other databases on this server: only this database's grants go.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPENDER_ROLE}') THEN
          REVOKE ALL ON events FROM ${APPENDER_ROLE};
        END IF;
      END
      $$`);
  }
}
