/** Injection token for the {@link SqlQuery} the audit routes read the event log with. */
export const AUDIT_SQL = Symbol('AUDIT_SQL');
