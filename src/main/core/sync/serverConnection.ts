import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as Hocuspocus from '@hocuspocus/provider'
import type * as Y from 'yjs'
import WebSocket from 'ws'
import { SyncFailure } from './errors'

/**
 * One websocket to a Hocuspocus server (`HocuspocusProviderWebsocket`), shared by a provider per
 * open document. `syncDoc` resolves once both directions of Yjs's sync protocol are done: the
 * server's state is in `doc`, and the server has acknowledged ours (the sync server writes it to
 * disk before acknowledging). Every failure ends as a SyncFailure: a refused token, a server that
 * cannot be reached or goes away, or no answer within `timeoutMs`.
 */
export interface ServerConnection {
  syncDoc(name: string, doc: Y.Doc): Promise<OpenServerDoc>
  /** Rejects when the connection fails; never resolves. */
  readonly failed: Promise<never>
  close(): void
}

export interface OpenServerDoc {
  /** Resolves once what was changed in the document since is acknowledged by the server. */
  acknowledged(): Promise<void>
  close(): void
}

export interface ConnectOptions {
  url: string
  token: string
  timeoutMs: number
  /** Stays connected: once connected, reconnects after a lost connection instead of failing. */
  persistent?: boolean
}

/**
 * The provider's build that uses the Yjs this process's sync uses (see yjs.ts): its CommonJS
 * build when Yjs's CommonJS build is loaded, else its ES module, by path.
 */
let loaded: typeof Hocuspocus | undefined
async function loadProvider(): Promise<typeof Hocuspocus> {
  if (!loaded) {
    const require = createRequire(__filename)
    const commonJs = require.resolve('@hocuspocus/provider')
    loaded = require.cache[require.resolve('yjs')]
      ? (require(commonJs) as typeof Hocuspocus)
      : ((await import(
          pathToFileURL(join(dirname(commonJs), 'hocuspocus-provider.esm.js')).href
        )) as typeof Hocuspocus)
  }
  return loaded
}

const unreachable = (url: string, why: string) =>
  new SyncFailure('SERVER_UNREACHABLE', `The sync server at ${url} cannot be reached (${why}).`)

/** Connects; resolves once the first document (`firstDoc`) proved the token good. */
export async function connectToServer(
  options: ConnectOptions,
  firstName: string,
  firstDoc: Y.Doc
): Promise<{ connection: ServerConnection; first: OpenServerDoc }> {
  const { HocuspocusProvider, HocuspocusProviderWebsocket } = await loadProvider()
  const { url, token, timeoutMs } = options
  let fail!: (err: SyncFailure) => void
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => undefined) // observed by whoever waits; never an unhandled rejection
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    autoConnect: false,
    // The first connection fails at once on a server that is not there; once a watch is
    // connected it keeps trying after a loss (see below).
    maxAttempts: 1,
    // A round is short: a connection quiet this long is gone. A watch is quiet most of the time.
    messageReconnectTimeout: options.persistent ? 10 * 60_000 : Math.max(timeoutMs, 1000)
  })
  let closing = false
  let connected = false
  let watching = false
  socket.on('connect', () => (connected = true))
  socket.on('close', ({ event }: { event: { code?: number; reason?: string } }) => {
    if (closing || watching) return
    const closed = unreachable(url, `the connection closed${event?.reason ? `: ${event.reason}` : ''}`)
    // Before the connection was made, its error (ECONNREFUSED…) says more, and comes just after.
    if (connected) fail(closed)
    else setTimeout(() => fail(closed), 100).unref()
  })

  function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new SyncFailure(
              'SERVER_TIMED_OUT',
              `The sync server at ${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${what}).`
            )
          ),
        timeoutMs
      )
    })
    return Promise.race([promise, timeout, failed]).finally(() => clearTimeout(timer))
  }

  function syncDoc(name: string, doc: Y.Doc): Promise<OpenServerDoc> {
    const provider = new HocuspocusProvider({
      name,
      document: doc,
      websocketProvider: socket,
      token,
      awareness: null
    })
    const done = new Promise<void>((resolve, reject) => {
      provider.on('authenticationFailed', () => {
        reject(new SyncFailure('WRONG_TOKEN', `The sync server at ${url} refused this journal's token.`))
      })
      const check = () => {
        if (provider.synced && provider.unsyncedChanges === 0) resolve()
      }
      provider.on('synced', check)
      provider.on('unsyncedChanges', check)
    })
    provider.attach()
    const open: OpenServerDoc = {
      acknowledged: () =>
        withTimeout(
          new Promise<void>((resolve) => {
            const check = () => {
              if (provider.unsyncedChanges === 0) {
                provider.off('unsyncedChanges', check)
                resolve()
              }
            }
            provider.on('unsyncedChanges', check)
            check()
          }),
          name
        ),
      close: () => provider.destroy()
    }
    return withTimeout(done, name).then(
      () => open,
      (err: unknown) => {
        provider.destroy()
        throw err
      }
    )
  }

  const connection: ServerConnection = {
    syncDoc,
    failed,
    close() {
      closing = true
      // Whatever still waits on this connection ends now, instead of at its timeout.
      fail(unreachable(url, 'the round ended'))
      // ws reports closing a connection still being made as an error event: nobody needs it.
      const raw = socket.webSocket as unknown as { on?(event: 'error', listener: () => void): void } | null
      raw?.on?.('error', () => undefined)
      socket.destroy()
    }
  }
  try {
    const first = syncDoc(firstName, firstDoc)
    void socket.connect().catch((err: unknown) => {
      // ws reports a refused connection as an ErrorEvent whose `error` carries the code.
      const event = err as { message?: string; error?: { code?: string } } | undefined
      fail(unreachable(url, event?.error?.code ?? event?.message ?? 'no answer'))
    })
    const opened = await first
    if (options.persistent) {
      // Proved reachable and the token good: from now on a lost connection is retried (0: no
      // limit), and the providers sync again by themselves once it is back.
      watching = true
      // Set in place: setConfiguration() would also take back the connection's wish to connect.
      socket.configuration.maxAttempts = 0
    }
    return { connection, first: opened }
  } catch (err) {
    connection.close()
    throw err
  }
}
