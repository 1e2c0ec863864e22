import { CreateEventLog1764000000000 } from './1764000000000-CreateEventLog';
import { AddHashChain1764700000000 } from './1764700000000-AddHashChain';
import { APPENDER_ROLE, CreateAppenderRole1764700000001 } from './1764700000001-CreateAppenderRole';
import { AddAuditIndexes1764700000002 } from './1764700000002-AddAuditIndexes';
import { AddAppendFunction1764800000000 } from './1764800000000-AddAppendFunction';

export {
  AddAppendFunction1764800000000,
  AddAuditIndexes1764700000002,
  AddHashChain1764700000000,
  APPENDER_ROLE,
  CreateAppenderRole1764700000001,
  CreateEventLog1764000000000,
};

/** The event store's schema migrations, oldest first, for `runMigrations` or a TypeORM data source. */
export const EVENT_STORE_MIGRATIONS = [
  CreateEventLog1764000000000,
  AddHashChain1764700000000,
  CreateAppenderRole1764700000001,
  AddAuditIndexes1764700000002,
  AddAppendFunction1764800000000,
];
