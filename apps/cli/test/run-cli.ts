import { run } from '../src/main';
// The CLI loads each command's code when it runs; the tests load it all up front, so that a
// test's time limit measures its work rather than the first load of Nest and the libraries.
import '../src/cli-context';
import '../src/commands/ingest';
import '../src/commands/inbox';
import '../src/commands/export';
import '../src/commands/keys';
import '../src/commands/migrate';
import '../src/commands/rebuild';
import '../src/commands/replay';
import '../src/commands/timeline';
import '../src/commands/verify';
import '../src/commands/verify-export';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in this process and returns what it printed and its exit code. */
export async function storyline(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await run(argv), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
