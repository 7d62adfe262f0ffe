/** The parts of a V8 `.cpuprofile` (node --cpu-prof) that a summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
}

interface Tally {
  self: number;
  inclusive: number;
}

/**
 * Markdown tables of the `top` functions by self time and by inclusive time (a function counted
 * once per sample however deep it recurses), and of self time by package or by the service's
 * own files, as shares of all samples.
 */
export function summariseProfile(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const functions = new Map<string, Tally>();
  const places = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (hits === 0) continue;
    total += hits;
    tally(functions, nameOf(n.callFrame)).self += hits;
    places.set(placeOf(n.callFrame.url), (places.get(placeOf(n.callFrame.url)) ?? 0) + hits);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const name = nameOf(byId.get(id)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      tally(functions, name).inclusive += hits;
    }
  }
  const share = (hits: number) => `${((100 * hits) / total).toFixed(1)} %`;
  const table = (title: string, rows: [string, number][]) =>
    [`## ${title}`, '', '| function | share |', '| --- | ---: |', ...rows.map(([name, hits]) => `| \`${name.replaceAll('|', '\\|')}\` | ${share(hits)} |`), ''].join('\n');
  const sorted = (key: keyof Tally) =>
    [...functions]
      .filter(([name]) => !name.startsWith('(root)'))
      .sort((a, b) => b[1][key] - a[1][key])
      .slice(0, top)
      .map(([name, t]): [string, number] => [name, t[key]]);
  return [
    table('Self time by package or file', [...places].sort((a, b) => b[1] - a[1]).slice(0, top)),
    table('Top functions by self time', sorted('self')),
    table('Top functions by inclusive time', sorted('inclusive')),
  ].join('\n');
}

function tally(map: Map<string, Tally>, name: string): Tally {
  let t = map.get(name);
  if (!t) map.set(name, (t = { self: 0, inclusive: 0 }));
  return t;
}

function nameOf({ functionName, url, lineNumber }: CpuProfile['nodes'][number]['callFrame']): string {
  return `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
}

/** node_modules/<package> (its scope too), the service's file, or V8's own bucket such as (garbage collector). */
function placeOf(url: string): string {
  if (!url) return '(V8, native or idle)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  if (url.startsWith('node:')) return url;
  return shortUrl(url);
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const build = url.indexOf('/build/');
  return build >= 0 ? url.slice(build + '/build/'.length) : url.replace(/^file:\/\//, '');
}
