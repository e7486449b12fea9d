import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVault {
  addr: string;
  /** Every request it answered: method, path and the token it carried. */
  requests: { method: string; path: string; token?: string }[];
  close(): Promise<void>;
}

/**
 * A local HTTP server that answers like HashiCorp Vault's KV version 2 engine:
 * `GET /v1/<mount>/data/<path>` with `X-Vault-Token`, 403 for a wrong token, 404 for an unknown secret.
 */
export async function startFakeVault(options: {
  token: string;
  mount: string;
  secrets: Record<string, Record<string, string>>;
}): Promise<FakeVault> {
  const requests: FakeVault['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const token = req.headers['x-vault-token'] as string | undefined;
    const path = (req.url ?? '').split('?')[0];
    requests.push({ method: req.method ?? '', path, token });
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (token !== options.token) return reply(403, { errors: ['permission denied'] });
    const prefix = `/v1/${options.mount}/data/`;
    const data =
      req.method === 'GET' && path.startsWith(prefix)
        ? options.secrets[path.slice(prefix.length)]
        : undefined;
    if (!data) return reply(404, { errors: [] });
    reply(200, {
      request_id: '4c1e2d9a-0000-4000-8000-000000000001',
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: {
        data,
        metadata: { created_time: '2026-01-01T00:00:00Z', deletion_time: '', destroyed: false, version: 3 },
      },
      wrap_info: null,
      warnings: null,
      auth: null,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    addr: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
