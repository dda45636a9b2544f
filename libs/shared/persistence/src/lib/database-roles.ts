import { Client } from 'pg';

/** Role and database names go into SQL as identifiers: plain lowercase names only. */
const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function plain(name: string, what: string): string {
  if (!PLAIN_NAME.test(name)) throw new Error(`refusing odd ${what} name "${name}"`);
  return name;
}

export interface OwnedDatabase {
  /** A server URL of a role that may create roles and databases (locally: user postgres, trust auth). */
  adminUrl: string;
  database: string;
  /** The role that owns the database and every object in it: the one migrations run as. */
  owner: string;
  /** Further roles that log in (the runtime's, a signer's); what they may do, the migrations grant. */
  logins: readonly string[];
}

/**
 * Development and test set-up of a database with a separate owner: creates the login roles
 * (no password: the local server trusts 127.0.0.1), creates the database owned by `owner`, and
 * on a database created before this existed hands the database and everything in its public
 * schema over to the owner, so migrations can run as the owner from now on. Production does
 * the same declaratively (k8s: CloudNativePG's managed roles); this never runs there.
 * Idempotent, and safe when several processes run it at once.
 */
export async function provisionOwnedDatabase(options: OwnedDatabase): Promise<void> {
  const database = plain(options.database, 'database');
  const owner = plain(options.owner, 'role');
  const admin = new Client({
    connectionString: withDatabase(options.adminUrl, 'postgres'),
    connectionTimeoutMillis: 5000,
  });
  await admin.connect();
  try {
    for (const role of [owner, ...options.logins]) await ensureLoginRole(admin, plain(role, 'role'));
    const { rows } = await admin.query<{ owner: string }>(
      'select pg_get_userbyid(datdba) as owner from pg_database where datname = $1',
      [database],
    );
    if (!rows.length) {
      await admin.query(`create database ${database} owner ${owner}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created concurrently
      });
      return;
    }
    if (rows[0].owner !== owner) await admin.query(`alter database ${database} owner to ${owner}`);
  } finally {
    await admin.end();
  }
  await handOverPublicSchema(withDatabase(options.adminUrl, database), owner);
}

/** CREATE ROLE … LOGIN, or ALTER ROLE … LOGIN when a migration created it without (tests' scratch databases). */
async function ensureLoginRole(admin: Client, role: string): Promise<void> {
  const { rows } = await admin.query<{ rolcanlogin: boolean }>('select rolcanlogin from pg_roles where rolname = $1', [
    role,
  ]);
  if (!rows.length) {
    await admin.query(`create role ${role} login`).catch((error: { code?: string }) => {
      if (error.code !== '42710' && error.code !== '23505') throw error; // created concurrently
    });
  }
  if (rows.length && !rows[0].rolcanlogin) await admin.query(`alter role ${role} login`);
}

/** Tables, sequences, views and functions of the public schema that someone else owns become the owner's. */
async function handOverPublicSchema(databaseUrl: string, owner: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ statement: string }>(
      `select format('alter %s %s owner to %I', case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, c.oid::regclass, $1::text) as statement
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') and pg_get_userbyid(c.relowner) <> $1
       union all
       select format('alter function %s owner to %I', p.oid::regprocedure, $1::text)
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> $1`,
      [owner],
    );
    // A serial column's sequence follows its table.
    for (const { statement } of rows) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The same server URL for another user (no password: for the local trust set-up). */
export function withUser(url: string, user: string): string {
  const target = new URL(url);
  target.username = plain(user, 'role');
  target.password = '';
  return target.toString();
}

function withDatabase(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}
