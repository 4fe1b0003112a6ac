/**
 * Third-party clients the suite drives: OpenSSH (with sshpass), netmiko, pyeapi and Junos PyEZ
 * (`jnpr.junos`) under Debian's python3, Ansible.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/** Debian's interpreter: python3-netmiko lives there, not in whatever `python3` is first on PATH. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Debian's ansible-playbook, with the network collections (package `ansible`). */
export const ANSIBLE_PLAYBOOK = '/usr/bin/ansible-playbook';

function has(path: string): boolean {
  return existsSync(path);
}

/** Whether a client is installed; in CI (.ci/run installs them) a missing one is an error, not a skip. */
export function available(
  what: 'openssh' | 'netmiko' | 'pyeapi' | 'jnpr.junos' | 'ncclient' | 'ansible',
): boolean {
  const present =
    what === 'openssh'
      ? has('/usr/bin/ssh') && has('/usr/bin/sshpass')
      : what === 'ansible'
        ? has(ANSIBLE_PLAYBOOK)
        : has(DEBIAN_PYTHON) && imports(what);
  if (!present && process.env.CI)
    throw new Error(`${what} is not installed; .ci/run should have installed it`);
  return present;
}

const importable = new Map<string, boolean>();
function imports(module: string): boolean {
  let ok = importable.get(module);
  if (ok === undefined) {
    try {
      execFileSync(DEBIAN_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
      ok = true;
    } catch {
      ok = false;
    }
    importable.set(module, ok);
  }
  return ok;
}

export const SSH_OPTIONS = [
  '-o',
  'StrictHostKeyChecking=no',
  '-o',
  'UserKnownHostsFile=/dev/null',
  '-o',
  'LogLevel=ERROR',
  '-o',
  'ConnectTimeout=10',
];

/** `sshpass -p PASSWORD ssh … user@host COMMAND` with OpenSSH. */
export function opensshExec(host: string, port: number, command: string, password = 'admin', user = 'admin') {
  return run(
    '/usr/bin/sshpass',
    ['-p', password, '/usr/bin/ssh', ...SSH_OPTIONS, '-p', String(port), `${user}@${host}`, command],
    { timeout: 20_000 },
  );
}
