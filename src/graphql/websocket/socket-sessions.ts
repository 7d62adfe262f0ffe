import type { WebSocket } from 'ws';
import type { Principal } from '../../auth/principal';

/**
 * Sockets one caller (`sub`) may hold open at once. A browser tab needs one, an adviser a few
 * tabs: 20 leaves room, and bounds what one token can hold in memory (each socket its buffers,
 * subscriptions and timers).
 */
export const MAX_SOCKETS_PER_CALLER = 20;

/** graphql-ws's Forbidden: its clients reconnect, with fresh connectionParams when they are a function. */
const TOKEN_EXPIRED = { code: 4403, reason: 'Forbidden: token expired' };
/** As HTTP's 429; graphql-ws's clients do not retry it, which would only be refused again. */
const TOO_MANY_SOCKETS = { code: 4429, reason: `Too many open sockets for this caller (at most ${MAX_SOCKETS_PER_CALLER})` };

/** Closes a socket whose caller's token has expired: its subscriptions end, and nothing more is pushed on it. */
export const closeExpired = (socket: WebSocket): void => socket.close(TOKEN_EXPIRED.code, TOKEN_EXPIRED.reason);

/** The sockets open per caller, each closed when its caller's token expires. */
export class SocketSessions {
  private readonly openPerCaller = new Map<string, number>();

  /**
   * Takes on a socket whose connection_init token was verified, or closes it when its caller has
   * MAX_SOCKETS_PER_CALLER open already; answers whether it was taken on.
   */
  open(socket: WebSocket, caller: Principal): boolean {
    // The client may have gone while its token was checked: its close event has passed.
    if (socket.readyState !== socket.OPEN) return false;
    const open = this.openPerCaller.get(caller.sub) ?? 0;
    if (open >= MAX_SOCKETS_PER_CALLER) {
      socket.close(TOO_MANY_SOCKETS.code, TOO_MANY_SOCKETS.reason);
      return false;
    }
    this.openPerCaller.set(caller.sub, open + 1);
    // A token lives 24 h at most (token-verifier.ts), well within setTimeout's 24.8 days.
    const expiry = setTimeout(() => closeExpired(socket), caller.expiresAt - Date.now());
    socket.once('close', () => {
      clearTimeout(expiry);
      this.release(caller.sub);
    });
    return true;
  }

  private release(sub: string): void {
    const open = this.openPerCaller.get(sub)! - 1;
    if (open === 0) this.openPerCaller.delete(sub);
    else this.openPerCaller.set(sub, open);
  }
}
