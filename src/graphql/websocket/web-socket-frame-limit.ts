import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { WebSocket, WebSocketServer } from 'ws';
import { MAX_BODY_BYTES } from '../hardening/request-body';

/** Where @nestjs/apollo 14's driver keeps the ws server it made for graphql-ws (private fields). */
interface DriverWithSubscriptions {
  _subscriptionService?: { wss?: WebSocketServer };
}

/**
 * The largest WebSocket frame the service reads, the same as an HTTP body: ws refuses a larger
 * frame from its header (close 1009, "Max payload size exceeded") without reading it, so a socket
 * grows the process by this much at most before its connection_init token is checked. Nest makes
 * the ws server with ws's default (100 MiB) and takes no maxPayload; ws reads the option at each
 * upgrade, as graphql-ws sets its handleProtocols there, so it is set on the server at bootstrap.
 */
@Injectable()
export class WebSocketFrameLimit implements OnApplicationBootstrap {
  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    const driver = this.moduleRef.get(GraphQLModule, { strict: false }).graphQlAdapter as unknown as DriverWithSubscriptions;
    const server = driver._subscriptionService?.wss;
    // A later @nestjs/apollo may keep it elsewhere: better not to start than to read 100 MiB frames.
    if (!server?.options) throw new Error('The GraphQL WebSocket server is not where @nestjs/apollo kept it: its frame limit cannot be set');
    server.options.maxPayload = MAX_BODY_BYTES;
    server.on('connection', logProtocolErrorsAsRefusals);
  }
}

const logger = new Logger('WebSocket');

/**
 * ws reports a frame it refused (too large, or not WebSocket) as an error of the socket, after
 * closing it with the code that says why; graphql-ws prints every socket error with its stack, as
 * a fault of the service. A client's mistake is logged in one line instead; other errors as before.
 */
function logProtocolErrorsAsRefusals(socket: WebSocket): void {
  const graphqlWsListeners = socket.listeners('error') as ((error: Error) => void)[];
  socket.removeAllListeners('error');
  socket.on('error', (error: Error & { code?: string }) => {
    if (error.code?.startsWith('WS_ERR_')) logger.warn(`WebSocket closed on a client's protocol error: ${error.code}`);
    else for (const listener of graphqlWsListeners) listener.call(socket, error);
  });
}
