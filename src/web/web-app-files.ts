import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `vite build` writes the app: dist/web-app, beside the compiled service (or, run from src/, in dist/). */
const CANDIDATES = [join(__dirname, '../web-app'), join(__dirname, '../../dist/web-app')];

/** A file name as Vite writes them under assets/: no folder, no hidden file. */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*$/;

/**
 * The built web app, looked up at each request: a new build (`npm run build` while the service
 * runs, in development) is served as soon as it is written.
 */
export class WebAppFiles {
  constructor(private readonly candidates = CANDIDATES) {}

  /** The folder of the build, or null when the app is not built. */
  root(): string | null {
    return this.candidates.find((candidate) => existsSync(join(candidate, 'index.html'))) ?? null;
  }

  /** Whether the build holds this asset file (a name under /assets, without folders). */
  hasAsset(name: string): boolean {
    const root = this.root();
    return root !== null && ASSET_NAME.test(name) && existsSync(join(root, 'assets', name));
  }
}
