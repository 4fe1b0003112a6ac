/** The SSH limits in force on a device: OpenSSH's defaults, then the platform's, then the topology's. */
import type { Personality, SshLimits } from '../engine/personality.js';
import type { DeviceRuntime } from '../device/runtime.js';

/**
 * sshd_config defaults: MaxAuthTries 6, MaxSessions 10, LoginGraceTime 120 s, MaxStartups 10
 * (sshd starts dropping at 10 unauthenticated connections; here the 11th is always dropped).
 */
export const OPENSSH_LIMITS: Readonly<SshLimits> = {
  authTries: 6,
  sessionsPerConnection: 10,
  loginGraceMs: 120_000,
  maxStartups: 10,
};

export function limitsFor(
  device: DeviceRuntime,
  personality: Personality<DeviceRuntime> | undefined,
): SshLimits {
  return { ...OPENSSH_LIMITS, ...personality?.sshLimits, ...device.node.ssh };
}
