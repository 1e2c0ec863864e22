// Opens the database the way a Storyline process does, prints what it got as one JSON
// line, and closes it when told to on stdin: a stand-in for a server or a CLI run.
import { loadConfig } from '../config';
import { openDatabase } from '../open-database';

async function main(): Promise<void> {
  const opened = await openDatabase(loadConfig());
  process.stdout.write(`${JSON.stringify({ url: opened.url, description: opened.description })}\n`);
  process.stdin.once('data', async () => {
    await opened.close();
    process.stdout.write('closed\n');
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
