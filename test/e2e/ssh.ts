/** A small ssh2 client for tests: connect, exec, and an interactive shell with expect(). */
import { Client, type ConnectConfig, type ClientChannel } from 'ssh2';

export async function connect(config: ConnectConfig): Promise<Client> {
  const client = new Client();
  return new Promise((resolve, reject) => {
    client.once('ready', () => resolve(client));
    // The first error settles the attempt; later ones (a reset after a refused login) are expected.
    client.on('error', reject);
    client.once('close', () => reject(new Error('connection closed before ready')));
    client.connect({ readyTimeout: 10_000, username: 'admin', password: 'admin', ...config });
    client.setNoDelay(true);
  });
}

export function exec(client: Client, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      let out = '';
      channel.on('data', (d: Buffer) => (out += d.toString('latin1')));
      channel.on('close', () => resolve(out));
    });
  });
}

/** Connects, runs one command over an exec channel, disconnects. */
export async function execOnce(config: ConnectConfig, command: string): Promise<string> {
  const client = await connect(config);
  const gone = new Promise<void>((resolve) => client.once('close', () => resolve()));
  try {
    return await exec(client, command);
  } finally {
    client.end();
    await gone;
  }
}

export interface Shell {
  send(text: string): void;
  /** Resolves with everything received up to and including the match; rejects after `timeoutMs`. */
  expect(pattern: RegExp, timeoutMs?: number): Promise<string>;
  channel: ClientChannel;
}

export function shell(client: Client, pty: { rows?: number; cols?: number } = {}): Promise<Shell> {
  return new Promise((resolve, reject) => {
    client.shell({ term: 'vt100', rows: pty.rows ?? 24, cols: pty.cols ?? 200 }, (error, channel) => {
      if (error) return reject(error);
      let buffer = '';
      let waiter: (() => void) | undefined;
      channel.on('data', (d: Buffer) => {
        buffer += d.toString('latin1');
        waiter?.();
      });
      resolve({
        channel,
        send: (text) => channel.write(text),
        expect: (pattern, timeoutMs = 5000) =>
          new Promise((done, fail) => {
            const check = () => {
              const match = pattern.exec(buffer);
              if (!match) return false;
              const upTo = match.index + match[0].length;
              const seen = buffer.slice(0, upTo);
              buffer = buffer.slice(upTo);
              waiter = undefined;
              clearTimeout(timer);
              done(seen);
              return true;
            };
            const timer = setTimeout(
              () =>
                fail(
                  new Error(
                    `timed out waiting for ${pattern}; received ${JSON.stringify(buffer.slice(-300))}`,
                  ),
                ),
              timeoutMs,
            );
            if (!check()) waiter = () => void check();
          }),
      });
    });
  });
}
