import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

interface Pipe {
  readonly client: Socket;
  readonly upstream: Socket;
}

/**
 * A TCP proxy in front of PostgreSQL or Redis that can stall: it stops forwarding bytes in both
 * directions and closes nothing, which is what a frozen server or a network partition looks like
 * to a client (no reset, no error, just silence). Bytes held during a stall flow once it ends, as
 * TCP retransmission would deliver them.
 */
export class StallingProxy {
  private readonly pipes = new Set<Pipe>();
  private stalled = false;
  private trigger: { pattern: Buffer; fire: () => void } | undefined;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<StallingProxy> {
    const server = createServer();
    const proxy = new StallingProxy(server, target);
    server.on('connection', (client: Socket) => proxy.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  stall(): void {
    this.stalled = true;
    for (const { client, upstream } of this.pipes) {
      client.pause();
      upstream.pause();
    }
  }

  /** Stalls right after forwarding the first client bytes that contain `pattern` (a statement in flight). */
  stallAfter(pattern: string): Promise<void> {
    return new Promise((resolve) => (this.trigger = { pattern: Buffer.from(pattern), fire: resolve }));
  }

  resume(): void {
    this.stalled = false;
    for (const { client, upstream } of this.pipes) {
      client.resume();
      upstream.resume();
    }
  }

  async close(): Promise<void> {
    for (const { client, upstream } of this.pipes) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const pipe = { client, upstream };
    this.pipes.add(pipe);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      const trigger = this.trigger;
      if (trigger && chunk.includes(trigger.pattern)) {
        this.trigger = undefined;
        this.stall();
        trigger.fire();
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    const close = (): void => {
      client.destroy();
      upstream.destroy();
      this.pipes.delete(pipe);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    if (this.stalled) {
      client.pause();
      upstream.pause();
    }
  }
}
