import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { WebSocketServer } from 'ws';
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
  }
}
