import { dockerFile } from './docker-folder';

/** docker/Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(): { keyword: string; args: string }[] {
  return dockerFile('Dockerfile')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => {
      const [, keyword, args] = /^\s*(\S+)\s*(.*)$/.exec(line)!;
      return { keyword: keyword.toUpperCase(), args };
    });
}

/** The image of every FROM, with the ARG defaults declared before the first FROM filled in. */
function baseImages(all: { keyword: string; args: string }[]): string[] {
  const globalArgs = new Map<string, string>();
  for (const { keyword, args } of all.slice(0, all.findIndex((i) => i.keyword === 'FROM'))) {
    const [name, value] = args.split('=');
    if (keyword === 'ARG' && value !== undefined) globalArgs.set(name, value);
  }
  return all
    .filter((i) => i.keyword === 'FROM')
    .map(({ args }) => args.split(/\s+/)[0].replace(/\$\{(\w+)\}/g, (_, name: string) => globalArgs.get(name) ?? ''));
}

describe('docker/Dockerfile', () => {
  const all = instructions();
  const finalStage = all.slice(all.map((i) => i.keyword).lastIndexOf('FROM'));
  const stageNames = new Set(all.filter((i) => i.keyword === 'FROM').map(({ args }) => /\bAS\s+(\S+)/i.exec(args)?.[1]));

  it('builds on Node.js 24, in every stage that is not another stage', () => {
    const images = baseImages(all).filter((image) => !stageNames.has(image));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^node:24(?:[.-]|$)/);
  });

  it('installs the production dependencies with npm ci --omit=dev', () => {
    expect(all.some(({ keyword, args }) => keyword === 'RUN' && /\bnpm ci\b.*--omit=dev\b/.test(args))).toBe(true);
  });

  it('runs the service as a user other than root', () => {
    const user = finalStage.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('checks its health on /health/ready', () => {
    const healthchecks = finalStage.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0].args).toContain('/health/ready');
  });

  it('starts node dist/main.js', () => {
    expect(finalStage.filter((i) => i.keyword === 'CMD').at(-1)?.args).toBe('["node", "dist/main.js"]');
  });
});
