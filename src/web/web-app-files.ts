import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where `vite build` writes the app: dist/web-app, beside the compiled service (or, run from src/, in dist/). */
const CANDIDATES = [join(__dirname, '../web-app'), join(__dirname, '../../dist/web-app')];

/** The built web app: its pages and its hashed assets, listed once (a build never changes under a running service). */
export class WebAppFiles {
  readonly root: string | null;
  private readonly assets: ReadonlySet<string>;

  constructor(root = CANDIDATES.find((candidate) => existsSync(join(candidate, 'index.html'))) ?? null) {
    this.root = root;
    this.assets = new Set(root ? readdirSync(join(root, 'assets')) : []);
  }

  /** Whether the build holds this asset file (a name under /assets, without folders). */
  hasAsset(name: string): boolean {
    return this.assets.has(name);
  }
}
