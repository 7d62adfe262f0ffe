import type { AppConfig } from '../../config/config';
import { AddressBudget } from './address-budget';
import { OperationGate } from './operation-gate';
import { QueryBudget } from './query-budget';

/** The limits a client cannot grow, one set per running service. */
export interface ServiceLimits {
  addresses: AddressBudget;
  queries: QueryBudget;
  operations: OperationGate;
}

const limitsOfService = new WeakMap<AppConfig, ServiceLimits>();

/**
 * The limits of the service started with `config`. HTTP (the Fastify hooks and Apollo's plugins) and
 * the WebSocket (graphql-ws's handlers and the upgrade gate) must share them, or a caller would
 * get a budget per transport; they are all built from the same settings object, some of them
 * outside Nest's injector, so the settings object is what finds them.
 */
export function serviceLimits(config: AppConfig): ServiceLimits {
  let limits = limitsOfService.get(config);
  if (!limits) {
    limits = {
      addresses: new AddressBudget(config.requestsPerAddressPerMinute, config.trustedProxies),
      queries: new QueryBudget(config.queryCostPerMinute),
      operations: new OperationGate(config.maxConcurrentOperations),
    };
    limitsOfService.set(config, limits);
  }
  return limits;
}
