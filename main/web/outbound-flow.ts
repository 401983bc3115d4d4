// What a browser-mode connection may still send when its client reads slowly or not at all.
// Everything the host sends waits in the socket's buffer (`ws.bufferedAmount`) until the client
// reads it, so a client that stops reading would otherwise grow the host without bound while a
// kernel floods its console. Two bounds, per connection:
//   - console output (`boot.event` of type `output`) is dropped while the buffer holds
//     CONSOLE_LIMIT bytes or more, and flows again once it has drained below half of that; the
//     first message after a gap is one console line saying how much was dropped;
//   - any message (replies, other events) while the buffer holds CONNECTION_LIMIT bytes closes
//     the connection: those cannot be dropped without lying to the client, and a client that
//     read nothing of 32 MB is gone or hostile.
import type { BootEventMessage } from '../../app/boot-session';
import type { ServerMessage } from '../../app/api';

export const CONSOLE_LIMIT = 2 * 1024 * 1024;
export const CONNECTION_LIMIT = 32 * 1024 * 1024;

export interface FlowLimits {
  consoleBytes: number;
  connectionBytes: number;
}

/** The console line that stands for output that was dropped. */
export function droppedOutputLine(characters: number): string {
  return `\n[stratos] ${characters} characters of console output dropped: this window was not reading fast enough\n`;
}

function notice(sessionId: number, characters: number): ServerMessage {
  return { event: 'boot.event', payload: { sessionId, event: { type: 'output', data: droppedOutputLine(characters) } } satisfies BootEventMessage };
}

function bootEvent(message: ServerMessage): BootEventMessage | undefined {
  if (!('event' in message) || message.event !== 'boot.event') return undefined;
  return message.payload as BootEventMessage;
}

export class OutboundFlow {
  /** Characters of console output dropped since the last one delivered, per boot session. */
  private readonly dropped = new Map<number, number>();

  constructor(
    /** Bytes queued on the connection and not yet taken by the client. */
    private readonly buffered: () => number,
    private readonly limits: FlowLimits = { consoleBytes: CONSOLE_LIMIT, connectionBytes: CONNECTION_LIMIT },
  ) {}

  /** The messages to send now in place of `message` (none: dropped), or 'close' when the client is too far behind. */
  plan(message: ServerMessage): ServerMessage[] | 'close' {
    const queued = this.buffered();
    if (queued >= this.limits.connectionBytes) return 'close';
    const boot = bootEvent(message);
    if (!boot) return [message];
    const gap = this.dropped.get(boot.sessionId) ?? 0;
    if (boot.event.type === 'output') {
      // once dropping, wait until half the buffer drained, so output does not flicker at the bound
      const bound = gap > 0 ? this.limits.consoleBytes / 2 : this.limits.consoleBytes;
      if (queued >= bound) {
        this.dropped.set(boot.sessionId, gap + boot.event.data.length);
        return [];
      }
    }
    if (gap === 0) return [message];
    this.dropped.delete(boot.sessionId);
    return [notice(boot.sessionId, gap), message];
  }

  /**
   * The dropped-output lines that can go now (the buffer drained below half the console bound),
   * for a host that checks after the output stopped: without it a console that went quiet after
   * a flood would not say that it lost output until its session ends.
   */
  drainedNotices(): ServerMessage[] {
    if (this.dropped.size === 0 || this.buffered() >= this.limits.consoleBytes / 2) return [];
    const notices = [...this.dropped].map(([sessionId, gap]) => notice(sessionId, gap));
    this.dropped.clear();
    return notices;
  }

  /** Characters dropped and not yet reported, over all sessions. */
  pendingDropped(): number {
    let total = 0;
    for (const n of this.dropped.values()) total += n;
    return total;
  }
}
