export function findPostgres(): string | undefined;
export interface PostgresProcess {
  readonly port: number;
  /** `postgres://onair@127.0.0.1:PORT/postgres` (trust authentication, loopback only). */
  readonly url: string;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}
export function startPostgres(binDir: string, port?: number, options?: { readonly durable?: boolean }): Promise<PostgresProcess>;
