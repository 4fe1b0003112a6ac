/**
 * `bench --only=login`: what one SSH login costs the server, and how many logins per second it
 * serves, against the reference OpenSSH sshd in the same run. The fleet (SSH only) runs in a child
 * process (profile-login.ts), sshd as a child with a throwaway config; this process is the one
 * ssh2 client that drives both at concurrency 50. Every loop is bounded in count and time.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { cpuSeconds, loginAndCommand, sleep, type Row } from './fleet.js';
import { loginLoad, serveFleetChild } from './profile-login.js';

const SSHD = '/usr/sbin/sshd';
const CONCURRENCY = 50;
const CLK_TCK = 100;

export async function benchLogin(): Promise<Row[]> {
  const rows: Row[] = [];
  const fleet = await serveFleetChild(100);
  let fleetRate: number;
  try {
    await loginLoad(fleet.devices, 300, CONCURRENCY); // warm-up
    const total = 3000;
    const before = cpuSeconds(fleet.child.pid!);
    const seconds = await loginLoad(fleet.devices, total, CONCURRENCY);
    const cpu = cpuSeconds(fleet.child.pid!) - before;
    fleetRate = total / seconds;
    rows.push({
      what: 'labfleet: server CPU per login (+ one `show clock` exec + disconnect)',
      value: `${((cpu / total) * 1000).toFixed(2)} ms`,
    });
    rows.push({
      what: `labfleet: logins/s at concurrency ${CONCURRENCY} (client and server share the cores)`,
      value: `${fleetRate.toFixed(0)}/s`,
    });
  } finally {
    await fleet.stop();
  }
  rows.push(...(await benchSshd(fleetRate)));
  rows.push({ what: 'fake-switches, same client', value: 'not installed (no PyPI on this machine)' });
  return rows;
}

/** The reference: OpenSSH's sshd on a loopback port, public key login, exec `true`. */
async function benchSshd(fleetRate: number): Promise<Row[]> {
  const what = `OpenSSH sshd: logins/s at concurrency ${CONCURRENCY} (public key, exec; as root: user nobody)`;
  if (!existsSync(SSHD)) return [{ what, value: `sshd not installed (${SSHD} absent)` }];
  const sshd = await startSshd();
  if (typeof sshd === 'string') return [{ what, value: sshd }];
  try {
    const target = { host: '127.0.0.1', port: sshd.port };
    // A login sshd drops or times out is counted as failed, not retried: the rate counts successes.
    let failed = 0;
    const login = () =>
      loginAndCommand(target, 'true', { username: sshd.user, privateKey: sshd.key }, 60_000).catch(
        () => void failed++,
      );
    await loginLoad([target], 10, 5, login); // warm-up
    failed = 0;
    const total = 200;
    const before = treeCpuSeconds(sshd.child.pid!);
    const seconds = await loginLoad([target], total, CONCURRENCY, login);
    const cpu = treeCpuSeconds(sshd.child.pid!) - before;
    const rate = (total - failed) / seconds;
    const failures = failed > 0 ? `, ${failed} of ${total} failed` : '';
    return [
      { what, value: `${rate.toFixed(1)}/s (labfleet: ${(fleetRate / rate).toFixed(0)}x${failures})` },
      {
        what: 'OpenSSH sshd: server CPU per login (its forked children included)',
        value: `${((cpu / Math.max(1, total - failed)) * 1000).toFixed(1)} ms`,
      },
    ];
  } finally {
    await sshd.stop();
  }
}

interface RunningSshd {
  child: ChildProcess;
  port: number;
  user: string;
  key: string;
  stop(): Promise<void>;
}

/**
 * sshd in the foreground with a throwaway config: its own ed25519 host key, public key login for
 * the current user with a generated key, no PAM, MaxStartups raised so 50 concurrent handshakes
 * are not dropped (the default, 10:30:100, starts refusing at 10). A string says why not.
 */
async function startSshd(): Promise<RunningSshd | string> {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-sshd-'));
  try {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'user_key')]);
    // sshd running as root wants its privilege separation directory.
    if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  } catch (error) {
    return `sshd not started: ${(error as Error).message}`;
  }
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_key.pub')), { mode: 0o644 });
  // sshd reads the keys file as the user logging in.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      'PidFile none',
      'UsePAM no',
      'StrictModes no',
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${process.getuid?.() === 0 ? 'nobody' : userInfo().username}`,
      'UseDNS no',
      'MaxStartups 200',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      return `sshd did not start: ${stderr.trim().split('\n')[0] ?? 'no message'}`;
    }
    await sleep(20);
  }
  return {
    child,
    port,
    // As root, log in as `nobody`: root's shell would read its ~/.bashrc for every exec (bash does
    // under sshd), and what that file runs (pyenv here: ~0.8 s of CPU) is not sshd's cost.
    // nobody's shell, nologin, answers the exec and exits at once.
    user: process.getuid?.() === 0 ? 'nobody' : userInfo().username,
    key: readFileSync(join(dir, 'user_key'), 'utf8'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** utime + stime of the process and of its children it has reaped (sshd forks one per connection). */
function treeCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLK_TCK;
}
