// The JavaScript the app's first page loads (its entry scripts and the modules they preload), gzip-compressed: the figure of
// docs/web-app.md. The advisers' pages are chunks of their own, loaded when opened: an adviser's first page (the case list) adds
// its chunk and what it imports, reported beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 150;
const root = fileURLToPath(new URL('../dist/web-app/', import.meta.url));
const gzipKb = (path) => gzipSync(readFileSync(join(root, path)), { level: 9 }).length / 1024;
const page = readFileSync(join(root, 'index.html'), 'utf8');
const scripts = [...page.matchAll(/<(?:script[^>]* src|link rel="modulepreload"[^>]* href)="\/([^"]+\.js)"/g)].map(([, path]) => path);

/** A chunk of Vite's manifest and every chunk it imports, as files. */
const manifest = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8'));
const filesOf = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) filesOf(imported, seen);
  return seen;
};
const caseList = [...filesOf('src/cases/case-list-page.tsx')].map((key) => manifest[key].file).filter((file) => file.endsWith('.js') && !scripts.includes(file));

const total = (paths) => paths.reduce((sum, path) => sum + gzipKb(path), 0);
for (const path of scripts) console.log(`${gzipKb(path).toFixed(1).padStart(7)} kB  ${path}`);
const first = total(scripts);
const adviser = first + total(caseList);
console.log(`${first.toFixed(1).padStart(7)} kB  first-load JavaScript, gzip (limit ${LIMIT_KB} kB)`);
console.log(`${adviser.toFixed(1).padStart(7)} kB  an adviser's first page, the case list's chunks included (limit ${LIMIT_KB} kB)`);
if (Math.max(first, adviser) > LIMIT_KB) process.exitCode = 1;
