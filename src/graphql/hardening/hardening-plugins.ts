import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { TokenVerifier } from '../../auth/token-verifier';
import type { AppConfig } from '../../config/config';
import { errorStatusPlugin } from './error-status.plugin';
import { hideVariableSuggestions } from './hide-variable-suggestions';
import { operationLimitsPlugin } from './operation-limits.plugin';

/** Apollo's plugins of the hardening, over HTTP: the query budget and operation slots, refusals' HTTP statuses, and in production no suggestions. */
export const hardeningPlugins = (config: AppConfig, tokens: TokenVerifier): NonNullable<ApolloDriverConfig['plugins']> => [
  operationLimitsPlugin(config, tokens),
  errorStatusPlugin,
  ...(config.production ? [hideVariableSuggestions] : []),
];
