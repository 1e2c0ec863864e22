export * from './instruments';
export * from './metered-event-store';
export * from './observe';
