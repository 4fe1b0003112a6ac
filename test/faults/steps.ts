/**
 * A third-party client held open in a child process and fed one step at a time (one JSON line in,
 * one JSON line out), so a test can log in, apply a fault through the fleet's control, and watch
 * what the same session does next.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Stepper {
  /** The first line the client printed (logged in, or why not). */
  first: Record<string, unknown>;
  step<T = Record<string, unknown>>(input: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function startStepper(command: string, args: string[], timeoutMs = 20_000): Promise<Stepper> {
  const child: ChildProcessWithoutNullStreams = spawn(command, args, { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<(line: string | undefined) => void> = [];
  const queued: string[] = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()!(line) : queued.push(line)));
  lines.once('close', () => {
    for (const w of waiting.splice(0)) w(undefined);
  });
  const next = (ms: number): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      if (queued.length) return resolve(JSON.parse(queued.shift()!) as Record<string, unknown>);
      const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms; stderr: ${stderr}`)), ms);
      waiting.push((line) => {
        clearTimeout(timer);
        if (line === undefined) reject(new Error(`client exited; stderr: ${stderr}`));
        else resolve(JSON.parse(line) as Record<string, unknown>);
      });
    });
  const first = await next(timeoutMs).catch((error: unknown) => {
    child.kill();
    throw error;
  });
  return {
    first,
    step: async <T>(input: Record<string, unknown>, ms = timeoutMs) => {
      child.stdin.write(JSON.stringify(input) + '\n');
      return (await next(ms)) as T;
    },
    close: async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
