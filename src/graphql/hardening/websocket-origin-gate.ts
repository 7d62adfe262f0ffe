import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { isAllowedOrigin } from '../allowed-origin';

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

const REFUSAL = 'This origin may not open a WebSocket to this service';

/**
 * Answers a WebSocket upgrade from an origin that is not allowed with 403, so that no socket is
 * ever opened for it. Nest gives no hook before its own upgrade listener, which exists once the
 * GraphQL module has started: this puts a check in front of it at bootstrap.
 */
export class WebSocketOriginGate implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly allowList: readonly string[],
  ) {}

  onApplicationBootstrap(): void {
    const server: Server = this.adapterHost.httpAdapter.getHttpServer();
    const listeners = server.listeners('upgrade') as UpgradeListener[];
    server.removeAllListeners('upgrade');
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!isAllowedOrigin(request.headers, this.allowList)) return refuse(socket);
      for (const listener of listeners) listener.call(server, request, socket, head);
    });
  }
}

function refuse(socket: Duplex): void {
  // The client may already be gone; an unhandled socket error would end the process.
  socket.on('error', () => socket.destroy());
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(REFUSAL)}\r\n\r\n${REFUSAL}`,
  );
}
