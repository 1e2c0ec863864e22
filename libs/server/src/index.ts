/** The HTTP API as one composable piece: the app module, its start-up, and `serve`. */
export { createStorylineApp, type StorylineAppOptions } from './storyline';
export { serve } from './serve';
export { findExampleFile, loadExampleIfEmpty } from './example/load-example';
