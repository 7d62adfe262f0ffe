import type { ApolloDriverConfig } from '@nestjs/apollo';

/** Typed through Nest, which loads @apollo/server's ES module types, not its CommonJS ones. */
type ApolloServerPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

const SUGGESTION = / ?Did you mean .+\?$/s;

/**
 * Apollo hides suggestions during validation (validationOptions) but coerces variables without
 * graphql-js's hideSuggestions option: "Did you mean the enum value …?" would still name values of
 * the schema. Runs before formatError, which reads the coercion message for its fieldErrors.
 */
export const hideVariableSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
      },
    };
  },
};
