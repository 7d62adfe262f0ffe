import { type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';

/** The label of operations that select no field of the schema's root types (a parse error, only `__typename`…). */
const OTHER_OPERATION = 'other';

/**
 * The metrics' name of an operation: its first root field, which the schema declares
 * (`participants`, `enrolParticipant`, `dashboardUpdated`). The name the client gave it is
 * the client's to choose: labelled by that, every new name would add a series to /metrics.
 */
export function operationLabel(schema: GraphQLSchema, operation: OperationDefinitionNode | null | undefined): string {
  const fields = operation && schema.getRootType(operation.operation)?.getFields();
  const rootField = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD && fields?.[s.name.value] !== undefined);
  return rootField?.kind === Kind.FIELD ? rootField.name.value : OTHER_OPERATION;
}
