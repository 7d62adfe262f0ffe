// The JavaScript the app's first page loads (its entry scripts and the modules they preload), gzip-compressed: the figure of docs/web-app.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../dist/web-app/', import.meta.url));
const page = readFileSync(join(root, 'index.html'), 'utf8');
const scripts = [...page.matchAll(/<(?:script[^>]* src|link rel="modulepreload"[^>]* href)="\/([^"]+\.js)"/g)].map(([, path]) => path);
const sizes = scripts.map((path) => ({ path, gzip: gzipSync(readFileSync(join(root, path)), { level: 9 }).length }));
const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
for (const { path, gzip } of sizes) console.log(`${(gzip / 1024).toFixed(1).padStart(7)} kB  ${path}`);
console.log(`${(total / 1024).toFixed(1).padStart(7)} kB  first-load JavaScript, gzip (limit 150 kB)`);
if (total > 150 * 1024) process.exitCode = 1;
