import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where `vite build` writes the app: dist/web-app, beside the compiled service (or, run from src/, in dist/). */
const CANDIDATES = [join(__dirname, '../web-app'), join(__dirname, '../../dist/web-app')];

/** A file name as Vite writes them under assets/: no folder, no hidden file. */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*$/;

/** The build's manifest (`build.manifest` in web/vite.config.ts): each chunk's file and what it loads. */
const MANIFEST = '.vite/manifest.json';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

/** The names under assets/ of the app's page and everything it may load, not GraphiQL's. */
function appAssetsOf(manifest: Record<string, ManifestChunk>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) names.add(file.replace(/^assets\//, ''));
    [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach(visit);
  };
  visit('index.html');
  return names;
}

/**
 * The built web app, looked up at each request: a new build (`npm run build` while the service
 * runs, in development) is served as soon as it is written.
 */
export class WebAppFiles {
  private appAssets: { manifest: string; modified: number; names: Set<string> } | null = null;

  constructor(private readonly candidates = CANDIDATES) {}

  /** The folder of the build, or null when the app is not built. */
  root(): string | null {
    return this.candidates.find((candidate) => existsSync(join(candidate, 'index.html'))) ?? null;
  }

  /**
   * Whether the build holds this asset file (a name under /assets, without folders); with
   * `appOnly` (production, where GraphiQL is off), only if the app's page may load it.
   */
  hasAsset(name: string, appOnly: boolean): boolean {
    const root = this.root();
    if (root === null || !ASSET_NAME.test(name) || !existsSync(join(root, 'assets', name))) return false;
    return !appOnly || this.appAssetsIn(root).has(name);
  }

  private appAssetsIn(root: string): Set<string> {
    const manifest = join(root, MANIFEST);
    const modified = statSync(manifest).mtimeMs;
    if (this.appAssets?.manifest !== manifest || this.appAssets.modified !== modified) {
      this.appAssets = { manifest, modified, names: appAssetsOf(JSON.parse(readFileSync(manifest, 'utf8'))) };
    }
    return this.appAssets.names;
  }
}
