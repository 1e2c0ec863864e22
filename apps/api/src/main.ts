import 'reflect-metadata';
import { ConfigError, isStorageUnavailable, loadConfig } from '@storyline/database';
import { serve } from '@storyline/server';

// Inside the promise, so that a bad variable (loadConfig throws at once) reaches the catch below.
Promise.resolve()
  .then(() => serve(loadConfig()))
  .catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    if (isStorageUnavailable(error)) {
      console.error(`storyline: the database is unreachable (${error instanceof Error ? error.message || error.name : String(error)}); check DATABASE_URL`);
      process.exit(1);
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
