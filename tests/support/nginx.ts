/**
 * A real nginx (Debian's nginx-light) serving a folder, for the hosting tests. It runs in the
 * foreground as this user (`daemon off; master_process off`), with its own prefix, config and
 * temp folders under a temp dir, and listens on a unix socket; a plain TCP relay on
 * 127.0.0.1, port 0, carries connections to it, so no fixed port is ever taken.
 *
 * The `location` rules tested are the ones the README's "Hosting a feed" section shows:
 * `readmeNginxRules()` reads them from there, so the documented config is the tested one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './temp';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

/** The nginx binary, or why the hosting tests cannot run here. */
export function findNginx(): { binary: string } | { missing: string } {
  const binary = CANDIDATES.find((file) => existsSync(file));
  if (!binary) return { missing: `no nginx installed (looked for ${CANDIDATES.join(', ')}); install Debian's nginx-light to run it` };
  const version = spawnSync(binary, ['-V'], { encoding: 'utf8' });
  if (version.status !== 0) return { missing: `${binary} -V failed: ${version.stderr.trim().slice(0, 200)}` };
  if (!version.stderr.includes('http_gzip_static_module')) return { missing: `${binary} was built without gzip_static` };
  return { binary };
}

/** The ```nginx block of the README's "Hosting a feed" section. */
export function readmeNginxRules(readme: string): string {
  const section = readme.split(/^## Hosting a feed$/m)[1]?.split(/^## /m)[0];
  const block = section ? /```nginx\n([\s\S]*?)```/.exec(section)?.[1] : undefined;
  if (!block) throw new Error('README.md has no ```nginx block under "## Hosting a feed"');
  return block;
}

export interface Nginx {
  /** The origin: http://127.0.0.1:<port>, serving the folder. */
  url: string;
  /** A caching proxy in front of the origin, as a CDN is: it keeps what Cache-Control lets it keep, and says HIT or MISS in X-Cache-Status. */
  cdnUrl: string;
  close(): Promise<void>;
}

/** Starts nginx serving `root` with `serverRules` inside its server block, and a caching proxy in front of it. */
export async function startNginx(binary: string, root: string, serverRules: string): Promise<Nginx> {
  const prefix = tempDir('doum-nginx-');
  for (const dir of ['tmp', 'cache']) mkdirSync(join(prefix, dir), { recursive: true });
  const origin = join(prefix, 'origin.sock');
  const cdn = join(prefix, 'cdn.sock');
  const temp = (name: string): string => `${name}_temp_path ${join(prefix, 'tmp', name)};`;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `error_log stderr warn;
pid ${join(prefix, 'nginx.pid')};
events { worker_connections 64; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  types { application/json json; text/plain sig; }
  default_type application/octet-stream;
  proxy_cache_path ${join(prefix, 'cache')} keys_zone=cdn:1m;
  server {
    listen unix:${origin};
    root ${root};
    ${serverRules}
  }
  server {
    listen unix:${cdn};
    location / {
      proxy_pass http://unix:${origin}:;
      proxy_cache cdn;
      proxy_cache_revalidate on;
      proxy_set_header Accept-Encoding $http_accept_encoding;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`,
  );
  const child = spawn(binary, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off; master_process off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await socketsReady(child, prefix, [origin, cdn], () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  const relays = await Promise.all([relay(origin), relay(cdn)]);
  return {
    url: relays[0]!.url,
    cdnUrl: relays[1]!.url,
    close: async () => {
      await Promise.all(relays.map((r) => r.close()));
      await stop();
    },
  };
}

/** A TCP listener on 127.0.0.1, port 0, that carries each connection to a unix socket. */
async function relay(socketPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(socketPath);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Connects to a unix socket, trying again while nginx has bound it but not yet listens. */
function accepts(socketPath: string, attempts = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve();
    });
    probe.once('error', (error: NodeJS.ErrnoException) => {
      probe.destroy();
      if ((error.code === 'ECONNREFUSED' || error.code === 'ENOENT') && attempts > 0) accepts(socketPath, attempts - 1).then(resolve, reject);
      else reject(error);
    });
  });
}

/** Resolves once nginx accepts on every socket; rejects with its own words if it exits first. */
function socketsReady(child: ChildProcess, prefix: string, sockets: readonly string[], stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(prefix);
    let settled = false;
    const done = (error?: Error): void => {
      if (settled) return;
      settled = true;
      watcher.close();
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null): void => done(new Error(`nginx exited (${code}) before listening: ${stderr().trim() || 'no message'}`));
    child.on('exit', onExit);
    const check = (): void => {
      if (!settled && sockets.every((s) => existsSync(s))) Promise.all(sockets.map((s) => accepts(s))).then(() => done(), (error: Error) => done(error));
    };
    watcher.on('change', check);
    check();
  });
}

export const readRepoFile = (repo: string, file: string): string => readFileSync(join(repo, file), 'utf8');
