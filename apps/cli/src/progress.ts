import { SingleBar } from 'cli-progress';

/** Progress on stderr: a bar on a terminal, a line every few seconds otherwise (CI logs). */
export interface Progress {
  advance(by?: number): void;
  total(total: number): void;
  stop(): void;
}

export function progress(label: string, total: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {percentage}% | {eta_formatted} left`, stream: process.stderr, hideCursor: true });
    bar.start(total, 0);
    return { advance: (by = 1) => bar.increment(by), total: (value) => bar.setTotal(value), stop: () => bar.stop() };
  }
  let done = 0;
  let of = total;
  let lastLine = 0;
  return {
    advance(by = 1) {
      done += by;
      if (Date.now() - lastLine > 2000 || done === of) {
        lastLine = Date.now();
        process.stderr.write(`${label}: ${done}/${of}\n`);
      }
    },
    total: (value) => (of = value),
    stop: () => undefined,
  };
}
