import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeFiles, DOCKER, dockerFile, REPOSITORY } from './docker-folder';

const INSTALL_HINT = "Install Debian's docker-compose (apt-get install -y --no-install-recommends docker-compose): it checks compose files without a Docker engine.";

/** `docker-compose config -q` on one file, with only docker/.env.example's settings. */
function checkCompose(file: string): void {
  // PATH alone: the test's own environment (NODE_ENV=test, say) must not fill in the files' variables.
  const run = spawnSync('docker-compose', ['--env-file', join(DOCKER, '.env.example'), '-f', join(DOCKER, file), 'config', '-q'], {
    cwd: DOCKER,
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
  });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`docker-compose is not installed. ${INSTALL_HINT}`);
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`docker-compose finds docker/${file} invalid:\n${run.stderr}`);
}

/** Every NAME of `env.NAME`, `process.env.NAME` or `env['NAME']` in src/. */
function settingsTheServiceReads(): string[] {
  const src = join(REPOSITORY, 'src');
  const names = new Set<string>();
  const sources = (readdirSync(src, { recursive: true }) as string[]).filter((path) => path.endsWith('.ts'));
  for (const path of sources) {
    const text = readFileSync(join(src, path), 'utf8');
    for (const [, dotted, indexed] of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) {
      names.add(dotted ?? indexed);
    }
  }
  return [...names].sort();
}

/** docker/.env.example's settings, each with the comment line above it. */
function exampleSettings(): { name: string; comment: string }[] {
  const lines = dockerFile('.env.example').split('\n');
  return lines.flatMap((line, i) => {
    const name = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
    return name ? [{ name, comment: lines[i - 1] ?? '' }] : [];
  });
}

describe('docker/ compose files', () => {
  it('finds the three compose files', () => {
    expect(composeFiles()).toEqual(['compose.base.yaml', 'compose.cluster.yaml', 'compose.yaml']);
  });

  it.each(composeFiles())('docker-compose finds docker/%s valid with docker/.env.example', (file) => {
    checkCompose(file);
  });
});

describe('the settings the service reads', () => {
  const read = settingsTheServiceReads();

  it('are found in src/ (the search itself works)', () => {
    expect(read).toEqual(expect.arrayContaining(['EVENT_STORE_URL', 'NODE_ENV', 'PORT', 'PSEUDONYM_SECRET', 'AUTH_JWT_SECRET']));
  });

  it('are each in docker/.env.example, under a one-line comment, and nothing else is', () => {
    const example = exampleSettings();
    expect(example.map(({ name }) => name).sort()).toEqual(read);
    expect(example.filter(({ comment }) => !/^# \S/.test(comment)).map(({ name }) => name)).toEqual([]);
  });

  it('are each passed to the service from the environment by a compose file', () => {
    const compose = composeFiles().map(dockerFile).join('\n');
    const missing = read.filter((name) => !new RegExp(`^\\s+${name}: \\$\\{${name}[:}]`, 'm').test(compose));
    expect(missing).toEqual([]);
  });
});
