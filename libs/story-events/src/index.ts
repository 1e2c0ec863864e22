/**
 * Storyline's event vocabulary: what both the write side (commands) and the read side
 * (projections, queries) speak. Depends on nothing but Node's own modules.
 */
export * from './events';
export * from './ids';
export * from './names';
export * from './upcasting';
export * from './errors';
export * from './values';
export * from './position';
export * as read from './input';
