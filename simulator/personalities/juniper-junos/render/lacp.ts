/**
 * `show lacp interfaces`: per aggregate, each member's actor and partner LACP state, then its
 * receive / transmit / mux machine states. Every ae here runs LACP active with Junos's fast
 * periodic; a Junos partner asks for fast too, the other vendors default to slow. A bundled member
 * is current and distributing; an unplugged one is port-disabled and detached with a defaulted
 * (passive) partner; one cabled to a port outside the far LAG hears no LACP and stays defaulted.
 * Layout from captures (EX/QFX 14.1–20.x): `%-10s` names, right-justified state columns.
 */
import type { LagMemberState, LagState } from '../../../state/index.js';
import type { RenderContext } from '../../../device/render-context.js';

export interface LacpRoleState {
  role: 'Actor' | 'Partner';
  expired: boolean;
  defaulted: boolean;
  distributing: boolean;
  collecting: boolean;
  synchronization: boolean;
  aggregation: boolean;
  timeout: 'Fast' | 'Slow';
  activity: 'Active' | 'Passive';
}

export interface LacpMember {
  name: string;
  actor: LacpRoleState;
  partner: LacpRoleState;
  receive: string;
  transmit: string;
  mux: string;
}

export interface LacpAggregate {
  name: string;
  members: LacpMember[];
}

const bundledRole = (role: LacpRoleState['role'], timeout: LacpRoleState['timeout']): LacpRoleState => ({
  role,
  expired: false,
  defaulted: false,
  distributing: true,
  collecting: true,
  synchronization: true,
  aggregation: true,
  timeout,
  activity: 'Active',
});

const defaultedRole = (role: LacpRoleState['role']): LacpRoleState => ({
  role,
  expired: false,
  defaulted: true,
  distributing: false,
  collecting: false,
  synchronization: false,
  aggregation: true,
  timeout: 'Fast',
  activity: role === 'Actor' ? 'Active' : 'Passive',
});

function lacpMember(lag: LagState, member: LagMemberState): LacpMember {
  const name = member.interface;
  if (member.status === 'bundled') {
    const timeout = lag.peer.name.startsWith('ae') ? 'Fast' : 'Slow';
    return {
      name,
      actor: bundledRole('Actor', 'Fast'),
      partner: bundledRole('Partner', timeout),
      receive: 'Current',
      transmit: `${timeout} periodic`,
      mux: 'Collecting distributing',
    };
  }
  const [receive, transmit] =
    member.status === 'down' ? ['Port disabled', 'No periodic'] : ['Defaulted', 'Fast periodic'];
  return {
    name,
    actor: defaultedRole('Actor'),
    partner: defaultedRole('Partner'),
    receive,
    transmit,
    mux: 'Detached',
  };
}

/** The aggregates and their members' LACP state, shared by the CLI and the RPC reply. */
export function junosLacpAggregates(ctx: RenderContext): LacpAggregate[] {
  return ctx.state.lags.map((lag) => ({
    name: lag.name,
    members: lag.members.map((m) => lacpMember(lag, m)),
  }));
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function stateRow(name: string, s: LacpRoleState): string {
  const cells: Array<[string, number]> = [
    [s.role, 9],
    [yesNo(s.expired), 5],
    [yesNo(s.defaulted), 5],
    [yesNo(s.distributing), 5],
    [yesNo(s.collecting), 4],
    [yesNo(s.synchronization), 4],
    [yesNo(s.aggregation), 5],
    [s.timeout, 8],
    [s.activity, 9],
  ];
  return `      ${name.padEnd(10)}${cells.map(([text, width]) => ` ${text.padStart(width)}`).join('')}`;
}

function aggregateBlock(aggregate: LacpAggregate): string[] {
  return [
    `Aggregated interface: ${aggregate.name}`,
    '    LACP state:       Role   Exp   Def  Dist  Col  Syn  Aggr  Timeout  Activity',
    ...aggregate.members.flatMap((m) => [stateRow(m.name, m.actor), stateRow(m.name, m.partner)]),
    '    LACP protocol:        Receive State  Transmit State          Mux State',
    ...aggregate.members.map(
      (m) =>
        `      ${m.name.padEnd(10)} ${m.receive.padStart(22)} ${m.transmit.padStart(15)} ${m.mux.padStart(23)}`,
    ),
  ];
}

/** What lacpd's absence prints: a box with no aggregate does not run it. */
export const LACP_NOT_RUNNING = 'warning: lacp subsystem not running - not needed by configuration.';

/** Renders `show lacp interfaces`, a block per aggregate; lacpd's warning on a box without one. */
export function renderShowLacpInterfaces(ctx: RenderContext): string {
  if (ctx.state.lags.length === 0) return LACP_NOT_RUNNING;
  return junosLacpAggregates(ctx)
    .map((a) => aggregateBlock(a).join('\n'))
    .join('\n\n');
}
