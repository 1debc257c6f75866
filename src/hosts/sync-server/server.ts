import { Server, type Extension } from '@hocuspocus/server'
import { Database } from '@hocuspocus/extension-database'
import { Redis } from '@hocuspocus/extension-redis'
import { createHash } from 'node:crypto'
import { openServerStore, type ServerStore } from './store'

export interface SyncServerOptions {
  /** 0: any free port (tests, benches). */
  port: number
  /** Where the server's SQLite file lives; several instances may share it. */
  dataDir: string
  /** One token per journal: a client holding one opens only that journal's documents. */
  tokens: string[]
  /** `redis://HOST:PORT`: instances sharing one Redis serve the same journals together. */
  redis?: string
  /** The address to listen on (all interfaces unless told). */
  host?: string
}

export interface RunningSyncServer {
  port: number
  stop(): Promise<void>
}

/** Why a server could not start, in one line (a taken port, a bad Redis address). */
export class SyncServerFailure extends Error {}

/**
 * A journal's prefix on the server: the first 16 hex digits of the token's sha256, as the client
 * names its documents (core/sync/serverNames.ts; tests hold the two to the same answer). Not
 * imported from the core: its sync module loads Lexical's Yjs binding, a second copy of Yjs
 * beside the one the server's packages load.
 */
export function journalOfToken(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16)
}

/**
 * Hocuspocus's defaults, and one guid for every document (they have no subdocuments, its only
 * use): Yjs would otherwise draw a random UUID for each document loaded, 31 random draws each.
 */
const DOC_OPTIONS = { gc: true, gcFilter: () => true, guid: 'review-journal' }

/** Hocuspocus's own origin for what arrives from another instance through Redis. */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__'

/**
 * A Hocuspocus server for journals' sync (see core/sync/serverSync.ts for the client). Documents
 * persist through `@hocuspocus/extension-database` into our own SQLite file; every change is
 * appended to it before the server acknowledges it, so "the server holds it" means on disk.
 * A token opens only documents under its journal's prefix.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  if (!options.tokens.length) throw new SyncServerFailure('give at least one --token')
  const journals = new Map(options.tokens.map((token) => [token, journalOfToken(token)]))
  const redis = options.redis ? redisExtension(options.redis) : null
  const store = openServerStore(options.dataDir, Boolean(redis))
  const extensions: Extension[] = [
    new CompactingDatabase(store, {
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state }) => store.compact(documentName, state)
    }),
    {
      // Registered once loaded, so the stored state itself is not appended again.
      async afterLoadDocument({ document, documentName }) {
        document.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin !== REDIS_ORIGIN) store.append(documentName, update)
        })
      }
    }
  ]
  if (redis) extensions.push(redis)

  const server = new Server({
    port: options.port,
    address: options.host ?? '0.0.0.0',
    quiet: true,
    stopOnSignals: false,
    yDocOptions: DOC_OPTIONS,
    extensions,
    async connected({ documentName }) {
      keepIndexLoaded(documentName)
    },
    async onAuthenticate({ token, documentName }) {
      const journal = journals.get(token)
      // Hocuspocus answers a throw with "permission denied" to that document only.
      if (!journal || !documentName.startsWith(`${journal}/`))
        throw new Error(`refused a token for ${documentName}`)
    }
  })
  try {
    if (redis) await redisReady(redis, options.redis!)
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject)
      server.listen().then(() => resolve(), reject)
    })
  } catch (err) {
    await server.destroy().catch(() => undefined)
    store.close()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new SyncServerFailure(`port ${options.port} is already in use`)
    if (code === 'EACCES') throw new SyncServerFailure(`not allowed to listen on port ${options.port}`)
    throw err
  }
  // Every round of every computer reads its journal's index, which names every record: loaded
  // afresh for each connection, it cost a 10,000-review journal about 40 ms of decoding a time.
  // Once a client has opened it, the index stays loaded (one per journal) until the server stops.
  const keptIndexes = new Map<string, ReturnType<typeof server.hocuspocus.openDirectConnection>>()
  function keepIndexLoaded(documentName: string): void {
    if (!documentName.endsWith('/index') || keptIndexes.has(documentName)) return
    const kept = server.hocuspocus.openDirectConnection(documentName)
    kept.catch(() => keptIndexes.delete(documentName))
    keptIndexes.set(documentName, kept)
  }

  let stopping: Promise<void> | undefined
  const stop = async () => {
    for (const kept of keptIndexes.values())
      await kept.then((index) => index.disconnect()).catch(() => undefined)
    // Closing every connection stores every open document before it is unloaded.
    await server.destroy()
    // Hocuspocus closes each document's connection, not the sockets under them: a server
    // stopped inside a process that goes on would leave its clients on a dead server.
    for (const socket of server.webSocketServer.clients) socket.terminate()
    store.close()
  }
  return { port: server.address.port, stop: () => (stopping ??= stop()) }
}

const REDIS_WAIT_MS = 10_000

/**
 * Waits for both of the Redis extension's connections. A document opened before its subscriber
 * connection is ready subscribes during ioredis's ready check, which then fails, and that
 * instance never hears the others: so the server listens only once both are ready.
 */
async function redisReady(redis: Redis, url: string): Promise<void> {
  const clients = [redis.pub, redis.sub]
  // ioredis would print every failed attempt as an unhandled error: one line says it instead.
  let lastError = ''
  const remember = (err: Error) => (lastError = err.message)
  for (const client of clients) client.on('error', remember)
  const ready = (client: Redis['pub']) =>
    client.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve) => client.once('ready', resolve))
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new SyncServerFailure(`cannot reach Redis at ${url}${lastError ? ` (${lastError})` : ''}`)),
      REDIS_WAIT_MS
    )
  })
  try {
    await Promise.race([Promise.all(clients.map(ready)), late])
  } finally {
    clearTimeout(timer)
    for (const client of clients) client.off('error', remember)
    reportRedisOutages(clients, url)
  }
}

/**
 * Once running, a lost Redis is said once, not at every reconnection attempt, and so is its
 * return. Meanwhile a round that opens a document waits for it: the client says the server did
 * not answer, and its journal is left as it was.
 */
function reportRedisOutages(clients: Redis['pub'][], url: string): void {
  let lost = false
  for (const client of clients) {
    client.on('error', (err: Error) => {
      if (lost) return
      lost = true
      process.stderr.write(
        `sync-server: lost Redis at ${url} (${err.message}); trying again until it is back\n`
      )
    })
    client.on('ready', () => {
      if (!lost || clients.some((other) => other.status !== 'ready')) return
      lost = false
      process.stderr.write(`sync-server: Redis at ${url} is back\n`)
    })
  }
}

/** Updates a document may pile up before a store folds them into its state. */
const COMPACT_AFTER = 16

/**
 * Hocuspocus stores a document (encoding its whole state) after each burst of changes and when
 * its last client leaves. Every update is on disk already (appended as it came), so that store
 * only compacts, and is skipped while few have piled up: a first sync, which writes each
 * document once, then encodes nothing more.
 */
class CompactingDatabase extends Database {
  constructor(
    private readonly store: ServerStore,
    configuration: ConstructorParameters<typeof Database>[0]
  ) {
    super(configuration)
  }

  override async onStoreDocument(data: Parameters<Database['onStoreDocument']>[0]): Promise<void> {
    if (this.store.pending(data.documentName) >= COMPACT_AFTER) await super.onStoreDocument(data)
  }
}

function redisExtension(url: string): Redis {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new SyncServerFailure(`--redis needs redis://HOST:PORT, not ${url}`)
  }
  if (parsed.protocol !== 'redis:' || !parsed.hostname)
    throw new SyncServerFailure(`--redis needs redis://HOST:PORT, not ${url}`)
  return new Redis({ host: parsed.hostname, port: Number(parsed.port || 6379) })
}
