import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '../../config/config';
import { isAllowedOrigin } from '../allowed-origin';
import { type AddressBudget, refusalBody } from './address-budget';
import { serviceLimits } from './service-limits';

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

const REFUSAL = 'This origin may not open a WebSocket to this service';

/**
 * Answers a WebSocket upgrade from an origin that is not allowed with 403, and one from an address
 * that spent its budget (REQUESTS_PER_ADDRESS_PER_MINUTE, shared with its HTTP requests) with 429,
 * so that no socket is ever opened for them. Nest gives no hook before its own upgrade listener,
 * which exists once the GraphQL module has started: this puts a check in front of it at bootstrap.
 */
export class WebSocketOriginGate implements OnApplicationBootstrap {
  private readonly allowList: readonly string[];
  private readonly addresses: AddressBudget;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    config: AppConfig,
  ) {
    this.allowList = config.allowedOrigins;
    this.addresses = serviceLimits(config).addresses;
  }

  onApplicationBootstrap(): void {
    const server: Server = this.adapterHost.httpAdapter.getHttpServer();
    const listeners = server.listeners('upgrade') as UpgradeListener[];
    server.removeAllListeners('upgrade');
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      // The client may already be gone; an unhandled socket error would end the process.
      socket.on('error', () => socket.destroy());
      if (!isAllowedOrigin(request.headers, this.allowList)) return refuse(socket, '403 Forbidden', { 'content-type': 'text/plain; charset=utf-8' }, REFUSAL);
      this.addresses.admit(request).then(
        (refusal) => {
          if (!refusal) return listeners.forEach((listener) => listener.call(server, request, socket, head));
          const { headers, body } = refusalBody(refusal);
          refuse(socket, '429 Too Many Requests', headers, body);
        },
        () => socket.destroy(),
      );
    });
  }
}

function refuse(socket: Duplex, status: string, headers: Record<string, string>, body: string): void {
  const lines = Object.entries({ connection: 'close', ...headers, 'content-length': String(Buffer.byteLength(body)) }).map(([name, value]) => `${name}: ${value}`);
  socket.end(`HTTP/1.1 ${status}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}
