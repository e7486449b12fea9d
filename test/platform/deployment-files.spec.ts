import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { EnvironmentVariables } from '../../src/config/env.schema';
import { ROOT } from './support/build';

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[] };
  volumes?: string[];
  ports?: string[];
  deploy?: { replicas?: number };
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(env.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

/** Every variable the env schema validates, from class-validator's own metadata. */
const schemaVariables = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
      .map((m) => m.propertyName),
  ),
].sort();

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const services = compose.services;
  const apps = Object.entries(services).filter(([, s]) => s.build !== undefined);
  const appNames = apps.map(([name]) => name);

  it('runs PostgreSQL 16 and Redis 7 with health checks', () => {
    expect(services.postgres?.image).toMatch(/^postgres:16/);
    expect(services.redis?.image).toMatch(/^redis:7/);
    expect(services.postgres?.healthcheck?.test).toBeDefined();
    expect(services.redis?.healthcheck?.test).toBeDefined();
  });

  it('runs two app replicas built from the Dockerfile, each checked on /health/ready', () => {
    const replicas = apps.reduce((n, [, s]) => n + (s.deploy?.replicas ?? 1), 0);
    expect(replicas).toBe(2);
    for (const [, app] of apps) {
      expect(JSON.stringify(app.healthcheck?.test)).toContain('/health/ready');
      expect(app.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('gives every app replica the variables of the distributed mode', () => {
    for (const [, app] of apps) {
      const env = environmentOf(app);
      expect(env).toMatchObject({ NODE_ENV: 'production', TRUST_PROXY: expect.any(String) });
      expect(env.PORT).toMatch(/^\d+$/);
      expect(env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\/[^@]+@postgres:5432\//);
      expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      // Interpolated from .env (or the shell); compose refuses to start without it.
      expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
      expect(env.LLM_PROVIDERS).toContain('offline');
      for (const name of Object.keys(env)) expect(schemaVariables).toContain(name);
    }
  });

  it('puts an nginx proxy in front of the replicas that passes WebSocket upgrades and pins clients', () => {
    const proxy = services.proxy;
    expect(proxy?.image).toMatch(/^nginx/);
    expect(proxy?.ports?.length).toBeGreaterThan(0);
    expect(Object.keys(proxy?.depends_on ?? {}).sort()).toEqual([...appNames].sort());
    expect(proxy?.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');

    const nginx = read('deploy/nginx.conf');
    for (const name of appNames) expect(nginx).toMatch(new RegExp(`server ${name}:3000`));
    expect(nginx).toMatch(/^\s*ip_hash;/m);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/map \$http_upgrade \$connection_upgrade/);
    expect(nginx).toMatch(/proxy_buffering off;/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds in its own stage and runs compiled code with production dependencies as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/RUN npm ci\n/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/health\/ready/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
  });
});

describe('.env.example and the README', () => {
  it('lists every variable of the env schema in .env.example, each with a comment, and nothing else', () => {
    const lines = read('.env.example').split('\n');
    const listed = lines.flatMap((line, i) => {
      const match = /^#? ?([A-Z][A-Z0-9_]+)=/.exec(line);
      return match ? [{ name: match[1], comment: lines[i - 1] ?? '' }] : [];
    });
    expect(listed.map((v) => v.name).sort()).toEqual(schemaVariables);
    for (const v of listed) expect(`${v.name}: ${v.comment}`).toMatch(/: # [A-Za-z]/);
  });

  it('names every variable in the README configuration table', () => {
    const readme = read('README.md');
    const rows = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]));
    expect(schemaVariables.filter((name) => !rows.has(name))).toEqual([]);
  });
});
