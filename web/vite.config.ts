import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app (index.html) and, for development only, GraphiQL (graphiql.html), both served by
 * the service from dist/web-app. GraphiQL is React: Preact's aliases of react would break it, and
 * the app itself imports Preact only.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [preact({ reactAliasesEnabled: false, prerender: { enabled: false } })],
  build: {
    outDir: here('../dist/web-app'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The service reads it to serve in production only what the app's page loads, none of GraphiQL's assets.
    manifest: true,
    // Fonts and icons as files under /assets, which the Content-Security-Policy allows, not data: URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: { app: here('index.html'), graphiql: here('graphiql.html') },
      // GraphiQL's React Compiler directives ("use no memo") mean nothing once bundled; the warning for each is noise.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
});
