import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file the web page may load, and how to answer with it. */
export interface WebAsset {
  readonly path: string;
  readonly type: string;
  readonly cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const OWN_FILE = /^[a-z][a-z0-9-]*\.(html|js|css|svg)$/;

/**
 * The page's own files sit beside this module: in the source tree, and in the build output,
 * where `nest build` copies them (nest-cli.json `assets`). Nothing is read from the sources
 * when running from dist/, so an image holding only dist/ serves the page.
 */
export function findPublicDir(): string | null {
  const candidate = join(__dirname, 'public');
  return existsSync(join(candidate, 'index.html')) ? candidate : null;
}

/**
 * The vis-timeline standalone build from node_modules (vis-data bundled in; it injects its
 * own stylesheet, so its CSS file is not served): nothing comes from a CDN.
 */
function vendorAssets(): Map<string, WebAsset> {
  const root = dirname(require.resolve('vis-timeline/package.json'));
  const script = join(root, 'standalone', 'umd', 'vis-timeline-graph2d.min.js');
  return new Map([['vis-timeline-graph2d.min.js', { path: script, type: TYPES['.js'], cacheControl: 'public, max-age=86400' }]]);
}

/**
 * An allow-list made once at start-up: a request names a file, never a path, so nothing
 * outside these files can be reached.
 */
export class WebAssets {
  private readonly own = new Map<string, WebAsset>();
  private readonly vendor = vendorAssets();

  constructor(readonly publicDir: string | null = findPublicDir()) {
    if (!publicDir) return;
    for (const file of readdirSync(publicDir)) {
      const match = OWN_FILE.exec(file);
      if (match) this.own.set(file, { path: join(publicDir, file), type: TYPES[`.${match[1]}`], cacheControl: 'no-cache' });
    }
  }

  page(file: string): WebAsset | null {
    return this.own.get(file) ?? null;
  }

  vendorFile(file: string): WebAsset | null {
    return this.vendor.get(file) ?? null;
  }
}
