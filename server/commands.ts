/**
 * The service's commands: `ipwatch serve` (the evidence service and review desk) and `ipwatch user
 * add|list|disable|token|password` (accounts). Heavy modules are imported inside the actions.
 * Tokens are printed once and stored only as hashes; passwords are read from stdin, never from argv.
 */
import type { Command } from 'commander';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function openServiceStore(db?: string) {
  await import('./accounts-migration.ts');
  const { openStore, resolveDbPath } = await import('../shared/store/index.ts');
  return openStore(resolveDbPath(db));
}

/** Run an action, printing a failure as one clear line (exit code 1) instead of a stack trace. */
function clean<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      console.error(`ipwatch: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  };
}

/** The operator of CLI actions in the custody log. */
function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
}

/** Register `serve` and `user …` on the program. */
export default function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Chạy dịch vụ chứng cứ và bàn duyệt / Run the evidence service and review desk')
    .option('--db <path>', 'SQLite evidence store (default: $IPWATCH_DB or data/ipwatch.db)')
    .option('--port <n>', 'port', '8787')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--extension-origin <origin...>', 'CORS origin(s) of the extension, e.g. chrome-extension://<id> (or $IPWATCH_EXTENSION_ORIGINS)')
    .action(clean(async (opts: { db?: string; port: string; host: string; extensionOrigin?: string[] }) => {
      const { serve } = await import('@hono/node-server');
      const { createApp, extensionOriginsFromEnv } = await import('./app.ts');
      const store = await openServiceStore(opts.db);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${opts.port}: expected a port number 0–65535`);
      if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
        console.warn(
          `CẢNH BÁO / WARNING: listening on ${opts.host}, not only this machine. Put the service behind HTTPS (a reverse proxy) so tokens and cookies are not sent in clear.`,
        );
      }
      const app = createApp({ store, extensionOrigins: opts.extensionOrigin ?? extensionOriginsFromEnv(), secureCookies: process.env.IPWATCH_SECURE_COOKIES === '1' });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        console.log(`ipwatch: bàn duyệt / review desk at http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${info.port}/ (store ${store.path})`);
      });
      // Keep idle connections longer than clients do (the default 5 s races with a client reusing a
      // socket the server is closing; a flag upload from a slow link also needs time).
      const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number; requestTimeout: number };
      http.keepAliveTimeout = 65_000;
      http.headersTimeout = 66_000;
      http.requestTimeout = 300_000;
      const stop = () => server.close(() => (store.close(), process.exit(0)));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }));

  const user = program.command('user').description('Quản lý tài khoản / Manage accounts');
  user
    .command('add <name>')
    .description('Tạo tài khoản và in mã truy cập API một lần / Create an account and print its API token once')
    .requiredOption('--role <role>', 'officer | reviewer | admin')
    .requiredOption('--agency <agency>', 'dost | market_surveillance | police | customs | agriculture | culture | other')
    .option('--password-stdin', 'read a desk login password from stdin')
    .option('--db <path>', 'SQLite evidence store')
    .action(clean(async (name: string, opts: { role: string; agency: string; passwordStdin?: boolean; db?: string }) => {
      const { Accounts } = await import('./accounts.ts');
      const { Role, Agency } = await import('../shared/schema/index.ts');
      const role = Role.safeParse(opts.role);
      if (!role.success) throw new Error(`--role "${opts.role}": expected one of ${Role.options.join(', ')}`);
      const agency = Agency.safeParse(opts.agency);
      if (!agency.success) throw new Error(`--agency "${opts.agency}": expected one of ${Agency.options.join(', ')}`);
      const password = opts.passwordStdin ? await readStdin() : undefined;
      if (password !== undefined && password.length < 10) throw new Error('password from stdin: use at least 10 characters');
      const store = await openServiceStore(opts.db);
      try {
        const { account, token } = await new Accounts(store).addUser({ name, role: role.data, agency: agency.data, password }, cliActor());
        console.log(`created ${account.name} (${account.role}, ${account.agency})${password ? ' with a desk password' : ''}`);
        console.log(`API token (shown once, keep it secret / chỉ hiện một lần):\n${token}`);
      } finally {
        store.close();
      }
    }));
  user
    .command('list')
    .description('Liệt kê tài khoản / List accounts')
    .option('--db <path>', 'SQLite evidence store')
    .action(clean(async (opts: { db?: string }) => {
      const { Accounts } = await import('./accounts.ts');
      const store = await openServiceStore(opts.db);
      try {
        for (const a of new Accounts(store).listUsers()) console.log(`${a.name}\t${a.role}\t${a.agency}\t${a.disabled ? 'disabled' : 'active'}\t${a.createdAt}`);
      } finally {
        store.close();
      }
    }));
  user
    .command('disable <name>')
    .description('Khoá tài khoản (mã và phiên hết hiệu lực) / Disable an account (tokens and sessions stop working)')
    .option('--db <path>', 'SQLite evidence store')
    .action(clean(async (name: string, opts: { db?: string }) => {
      const { Accounts } = await import('./accounts.ts');
      const store = await openServiceStore(opts.db);
      try {
        new Accounts(store).disableUser(name, cliActor());
        console.log(`disabled ${name}`);
      } finally {
        store.close();
      }
    }));
  user
    .command('token <name>')
    .description('Cấp mã truy cập mới, thu hồi mã cũ / Issue a new API token, revoking the old ones')
    .option('--db <path>', 'SQLite evidence store')
    .action(clean(async (name: string, opts: { db?: string }) => {
      const { Accounts } = await import('./accounts.ts');
      const store = await openServiceStore(opts.db);
      try {
        const token = new Accounts(store).newToken(name, cliActor());
        console.log(`API token for ${name} (shown once / chỉ hiện một lần):\n${token}`);
      } finally {
        store.close();
      }
    }));
  user
    .command('password <name>')
    .description('Đặt mật khẩu đăng nhập bàn duyệt (đọc từ stdin) / Set the desk password (read from stdin)')
    .option('--db <path>', 'SQLite evidence store')
    .action(clean(async (name: string, opts: { db?: string }) => {
      const { Accounts } = await import('./accounts.ts');
      const password = await readStdin();
      if (password.length < 10) throw new Error('password from stdin: use at least 10 characters');
      const store = await openServiceStore(opts.db);
      try {
        await new Accounts(store).setPassword(name, password, cliActor());
        console.log(`password set for ${name}`);
      } finally {
        store.close();
      }
    }));
}
