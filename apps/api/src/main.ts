import 'reflect-metadata';
import { ConfigError, loadConfig } from '@storyline/database';
import { serve } from '@storyline/server';

serve(loadConfig()).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
