/**
 * One CLI session, transport-agnostic: text in (keystrokes), text out (echo, output, prompts).
 * It owns the line discipline, the pager and the order of commands; the personality supplies
 * the grammar and the words. Commands run strictly one at a time, after their latency.
 *
 * Backpressure: output goes to the host in chunks of OUTPUT_CHUNK characters. When the host says
 * it is full, the session stops reading keystrokes until it may write again, so a client that
 * never reads holds at most the rest of one command's output here (the pager state is kept), and
 * the host's own bounded buffer; keystrokes beyond INPUT_BACKLOG ask the host to pause input.
 */
import { commandsOf } from './commands-of.js';
import { interpret } from './interpret.js';
import { nextTokens, labelOf } from './parser.js';
import type { Personality } from './personality.js';
import type { CommandResult, SessionState } from './types.js';
import type { Timers } from '../device/timers.js';
import type { CommandFault } from '../device/faults.js';

/** What a session needs from the device and the transport. */
export interface SessionHost<D> {
  device: D;
  personality: Personality<D>;
  hostname(): string;
  /** The enable secret. */
  secret: string;
  /** Configured latency of a command, ms (0 means answer at once, with no timer). */
  latency(canonical: string): number;
  /** The fleet's timers: every latency wait goes through them, so stopping the fleet ends it. */
  timers: Timers;
  /** Takes output; `false` means the transport is full: write no more until `whenWritable`. */
  write(text: string): boolean | void;
  /** Calls `fn` once the transport takes output again (required when `write` can return false). */
  whenWritable?(fn: () => void): void;
  /** Stop (true) or restart (false) delivering keystrokes: the session has INPUT_BACKLOG waiting. */
  pauseInput?(paused: boolean): void;
  close(): void;
  /** Takes the channel over for another protocol, with the input not yet read (see CommandResult.handOver). */
  handOver?(protocol: 'netconf', input: string): void;
  /** What the device's faults do to the command being answered now (asked once per command). */
  fault?(): CommandFault;
  /** Drops the whole connection once what was written is out (`drop-mid-output`). */
  drop?(): void;
  /** A command was answered, `seconds` after it arrived (its answer was just handed to `write`). */
  answered?(seconds: number): void;
}

/** No fault: what a host without `fault()` gets. */
export const NO_COMMAND_FAULT: CommandFault = { extraMs: 0, hang: false };

/**
 * The part of an answer `drop-mid-output` lets out: the first `share` of its characters, cut
 * mid-line as a dying connection cuts it.
 */
export function cutOutput(text: string, share: number): string {
  return text.slice(0, Math.floor(text.length * share));
}

/** Most characters handed to the host in one write. */
export const OUTPUT_CHUNK = 16 * 1024;
/** Keystrokes (characters) queued behind a running command or a full transport before input is paused. */
export const INPUT_BACKLOG = 64 * 1024;

const ENTER_KEYS = new Set(['\r', '\n']);

export class TerminalSession<D> {
  private readonly session: SessionState;
  private line = '';
  private lastWasCR = false;
  private escape: 'none' | 'esc' | 'csi' = 'none';
  private readonly input: string[] = [];
  private inputChars = 0;
  private inputPaused = false;
  private busy = false;
  /** Output waiting for the transport, CR LF already applied. */
  private outbox = '';
  private blocked = false;
  /** The session ended (exit): no more input; the host closes once the outbox is out. */
  private closed = false;
  private closeWhenFlushed = false;
  /** `drop-mid-output`: once the outbox is out, the host drops the connection. */
  private dropWhenFlushed = false;
  /** Set by a hand-over: once the output is out, the host takes the channel and the input left. */
  private handOverWhenFlushed?: 'netconf';
  /** The transport went away. */
  private disposed = false;
  private paging?: string[];
  private secretAttempts?: number;
  private pending = '';
  private cancelWait?: () => void;

  constructor(
    private readonly host: SessionHost<D>,
    terminal: { width: number; length: number },
    user: string,
  ) {
    this.session = { mode: host.personality.loginMode, user, terminal: { ...terminal } };
  }

  /** Greets and prints the first prompt. */
  start(): void {
    this.emit(this.host.personality.greeting + this.prompt());
    this.flush();
  }

  /** Feeds keystrokes; they are processed in order, after any command still running. */
  feed(data: string): void {
    if (this.disposed || (this.closed && !this.handOverWhenFlushed)) return;
    this.input.push(data);
    this.inputChars += data.length;
    if (!this.inputPaused && this.inputChars > INPUT_BACKLOG && this.host.pauseInput) {
      this.inputPaused = true;
      this.host.pauseInput(true);
    }
    this.pump();
  }

  get mode(): string {
    return this.session.mode;
  }

  /** The transport went away: drop pending input and never write again. */
  dispose(): void {
    this.closed = true;
    this.disposed = true;
    this.input.length = 0;
    this.inputChars = 0;
    this.outbox = '';
    this.pending = '';
    this.cancelWait?.();
  }

  /** Characters of output held here, not yet taken by the host. */
  get heldOutput(): number {
    return this.outbox.length + this.pending.length;
  }

  private stalled(): boolean {
    return this.busy || this.closed || this.blocked;
  }

  private pump(): void {
    while (!this.stalled() && this.input.length > 0) {
      const chunk = this.input.shift()!;
      this.inputChars -= chunk.length;
      for (let i = 0; i < chunk.length; i++) {
        this.key(chunk[i]!);
        if (this.pending.length >= OUTPUT_CHUNK) this.flush();
        if (this.stalled()) {
          const rest = chunk.slice(i + 1);
          if (rest) {
            this.input.unshift(rest);
            this.inputChars += rest.length;
          }
          break;
        }
      }
    }
    this.flush();
    if (this.inputPaused && this.inputChars <= INPUT_BACKLOG / 2 && !this.disposed) {
      this.inputPaused = false;
      this.host.pauseInput?.(false);
    }
  }

  private key(ch: string): void {
    const wasCR = this.lastWasCR;
    this.lastWasCR = ch === '\r';
    if (this.escape !== 'none') return this.escapeKey(ch);
    if (ch === '\n' && wasCR) return;
    if (this.paging) return this.pagerKey(ch);
    if (this.secretAttempts !== undefined) return this.secretKey(ch);
    if (ENTER_KEYS.has(ch)) return this.enter();
    switch (ch) {
      case '\x7f':
      case '\b':
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          this.emit('\b \b');
        }
        return;
      case '\x03': // Ctrl-C: abandon the line
        this.line = '';
        this.emit('\n' + this.prompt());
        return;
      case '\x1a': // Ctrl-Z: leave configuration
        this.line = '';
        if (this.host.personality.configModes.includes(this.session.mode)) {
          this.session.mode = this.host.personality.enabledMode;
          delete this.session.target;
          delete this.session.context;
        }
        this.emit('^Z\n' + this.prompt());
        return;
      case '\x15': // Ctrl-U: erase the line
        this.emit('\b \b'.repeat(this.line.length));
        this.line = '';
        return;
      case '\x1b':
        this.escape = 'esc';
        return;
      case '?':
        return this.help();
      case '\t':
        return this.complete();
    }
    if (ch < ' ') return;
    if (this.line.length >= this.host.personality.maxLine) return;
    this.line += ch;
    this.emit(ch);
  }

  /** Arrow keys and other escape sequences are swallowed whole. */
  private escapeKey(ch: string): void {
    if (this.escape === 'esc') this.escape = ch === '[' || ch === 'O' ? 'csi' : 'none';
    else if (ch >= '@' && ch <= '~') this.escape = 'none';
  }

  private enter(): void {
    const line = this.line;
    this.line = '';
    this.execute(line);
  }

  private execute(line: string): void {
    const step = interpret(
      line,
      this.session,
      this.host.device,
      this.host.personality,
      lastLineLength(this.prompt()),
    );
    this.emit(this.host.personality.enterEcho?.(line, step?.failed ?? false) ?? '\n');
    if (!step) {
      this.emit(this.prompt());
      return;
    }
    const fault = this.host.fault?.() ?? NO_COMMAND_FAULT;
    if (fault.hang) {
      // `command-hang`: no output and no prompt, ever. Input queues behind it (paused past
      // INPUT_BACKLOG) until the client gives up and closes.
      this.busy = true;
      this.flush();
      return;
    }
    const arrived = performance.now();
    const delay = this.host.latency(step.canonical) + (step.result.extraDelayMs ?? 0) + fault.extraMs;
    this.after(delay, () => {
      this.apply(step.result, fault);
      this.host.answered?.((performance.now() - arrived) / 1000);
    });
  }

  /** Runs `fn` after `ms`; with no latency it runs now, so no timer adds hidden delay. */
  private after(ms: number, fn: () => void): void {
    if (ms <= 0) return fn();
    this.busy = true;
    this.flush();
    this.cancelWait = this.host.timers.after(ms, () => {
      this.busy = false;
      delete this.cancelWait;
      if (this.closed || this.disposed) return;
      fn();
      this.pump();
    });
  }

  private apply(result: CommandResult, fault: CommandFault = NO_COMMAND_FAULT): void {
    if (result.mode !== undefined) this.session.mode = result.mode;
    if (result.target !== undefined) this.session.target = result.target;
    else if (result.mode !== undefined) delete this.session.target;
    if (result.context) this.session.context = result.context;
    else if (result.context === null || !this.host.personality.configModes.includes(this.session.mode))
      delete this.session.context;
    if (result.terminal) Object.assign(this.session.terminal, result.terminal);
    const raw = result.output ?? '';
    const frame = this.host.personality.frameOutput;
    const framed = raw && frame ? frame(raw) : raw;
    // `garble` corrupts what the command printed, never the echo or the prompt.
    const output = framed && fault.garble ? fault.garble(framed) : framed;
    if (fault.dropAfter !== undefined && this.host.drop) {
      if (output) this.emit(cutOutput(output + '\n', fault.dropAfter));
      this.closed = true;
      this.input.length = 0;
      this.inputChars = 0;
      this.dropWhenFlushed = true;
      return;
    }
    if (result.handOver && this.host.handOver) {
      if (output) this.emit(output + '\n');
      this.closed = true;
      this.handOverWhenFlushed = result.handOver;
      return;
    }
    if (result.close) {
      if (output) this.emit(output + '\n');
      this.closed = true;
      this.input.length = 0;
      this.inputChars = 0;
      this.closeWhenFlushed = true;
      this.flush();
      return;
    }
    if (result.secret) {
      this.secretAttempts = 0;
      this.emit(this.host.personality.secretPrompt);
      return;
    }
    this.show(output, result.noPaging ?? false);
  }

  /** Prints output, a page at a time when the terminal has a length, then the prompt. */
  private show(output: string, noPaging: boolean): void {
    if (!output) {
      this.emit(this.prompt());
      return;
    }
    const lines = output.split('\n');
    const page = this.session.terminal.length - 1;
    if (!noPaging && page > 0 && lines.length > page) {
      this.emit(lines.slice(0, page).join('\n') + '\n' + this.host.personality.pager.marker);
      this.paging = lines.slice(page);
      return;
    }
    this.emit(output + '\n' + this.prompt());
  }

  private pagerKey(ch: string): void {
    const rest = this.paging!;
    const { erase, marker } = this.host.personality.pager;
    this.emit(erase);
    const page = Math.max(1, this.session.terminal.length - 1);
    const take = ch === ' ' ? page : ENTER_KEYS.has(ch) ? 1 : 0;
    if (take === 0) {
      this.paging = undefined;
      this.emit(this.prompt());
      return;
    }
    const shown = rest.slice(0, take);
    const left = rest.slice(take);
    if (left.length === 0) {
      this.paging = undefined;
      this.emit(shown.join('\n') + '\n' + this.prompt());
    } else {
      this.paging = left;
      this.emit(shown.join('\n') + '\n' + marker);
    }
  }

  private secretKey(ch: string): void {
    if (!ENTER_KEYS.has(ch)) {
      if (ch >= ' ' && this.line.length < this.host.personality.maxLine) this.line += ch;
      return;
    }
    const typed = this.line;
    this.line = '';
    this.emit('\n');
    const personality = this.host.personality;
    if (typed === this.host.secret) {
      this.secretAttempts = undefined;
      this.session.mode = personality.enabledMode;
      this.emit(this.prompt());
      return;
    }
    this.secretAttempts! += 1;
    if (this.secretAttempts! < 3) {
      this.emit(personality.secretPrompt);
      return;
    }
    this.secretAttempts = undefined;
    this.emit(personality.badSecret + this.prompt());
  }

  /** `?`: list what may come next, then reprint the line as typed. */
  private help(): void {
    const tokens = nextTokens(this.line, this.session.mode, this.commands());
    const width = Math.max(0, ...tokens.map((t) => labelOf(t).length)) + 2;
    const listing = tokens.map((t) => `  ${labelOf(t).padEnd(width)}${t.help}`).join('\n');
    this.emit('?\n' + (listing || '% Unrecognized command') + '\n\n' + this.prompt() + this.line);
  }

  /** Tab: complete a keyword that is the only one starting with what was typed. */
  private complete(): void {
    const tokens = nextTokens(this.line, this.session.mode, this.commands()).filter((t) => 'keyword' in t);
    if (tokens.length !== 1 || /\s$/.test(this.line) || this.line.length === 0) return;
    const keyword = labelOf(tokens[0]!);
    const typed = /\S+$/.exec(this.line)?.[0] ?? '';
    const addition = keyword.slice(typed.length) + ' ';
    this.line += addition;
    this.emit(addition);
  }

  /** What `?` and Tab offer: the commands this device has. */
  private commands() {
    return commandsOf(this.host.personality, this.host.device);
  }

  private prompt(): string {
    return this.host.personality.prompt(this.host.hostname(), this.session, this.host.device);
  }

  /** Output is gathered and written once per batch of keystrokes, with CR LF line ends. */
  private emit(text: string): void {
    this.pending += text;
  }

  private flush(): void {
    if (this.disposed) return;
    if (this.pending) {
      this.outbox += this.pending.replace(/\r?\n/g, '\r\n');
      this.pending = '';
    }
    while (this.outbox && !this.blocked) {
      const chunk = this.outbox.slice(0, OUTPUT_CHUNK);
      this.outbox = this.outbox.slice(chunk.length);
      if (this.host.write(chunk) === false && this.host.whenWritable) {
        this.blocked = true;
        this.host.whenWritable(() => this.unblock());
      }
    }
    if (!this.outbox && !this.blocked && this.dropWhenFlushed) {
      this.dropWhenFlushed = false;
      this.dispose();
      this.host.drop?.();
      return;
    }
    if (!this.outbox && !this.blocked && this.closeWhenFlushed) {
      this.closeWhenFlushed = false;
      this.host.close();
    }
    if (!this.outbox && !this.blocked && this.handOverWhenFlushed) {
      const protocol = this.handOverWhenFlushed;
      const typed = this.input.join('');
      this.handOverWhenFlushed = undefined;
      this.dispose();
      this.host.handOver?.(protocol, typed);
    }
  }

  private unblock(): void {
    this.blocked = false;
    if (this.disposed) return;
    this.flush();
    this.pump();
  }
}

/** Length of the last line of a (possibly multi-line) prompt. */
export function lastLineLength(prompt: string): number {
  return prompt.length - prompt.lastIndexOf('\n') - 1;
}
