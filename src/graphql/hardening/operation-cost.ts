import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';

/** What an operation's cost is computed from, besides its document. */
export interface CostSettings {
  /** The largest page a connection serves: a page whose size is not known counts as this many items. */
  maxPageSize: number;
  /** The request's variables, once known (execution): a page sized by a variable counts as its value. */
  variables?: Readonly<Record<string, unknown>>;
}

/**
 * What an operation could ask for: every field costs 1, and the selection of a field that takes
 * `first` (a page) costs once per item of the page. graphql-armor's cost limit counts only a
 * literal `first`: a page sized by a variable, as clients page, or left at its default would count
 * as one item. Here such a page counts as the variable's value when it is known, else as the
 * largest page. The same function sets the validation limit and spends the callers' query budget.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragmentNamed: (name: string) => FragmentDefinitionNode | undefined,
  { maxPageSize, variables = {} }: CostSettings,
): number {
  // A fragment costs the same wherever it is spread; remembering it keeps nested spreads linear.
  const fragmentCosts = new Map<string, number>();

  const pageSize = (node: FieldNode, field: GraphQLField<unknown, unknown>): number => {
    if (!field.args.some((arg) => arg.name === 'first')) return 1;
    const first = node.arguments?.find((arg) => arg.name.value === 'first')?.value;
    if (first?.kind === Kind.INT) return Math.max(0, Number(first.value));
    const given = first?.kind === Kind.VARIABLE ? variables[first.name.value] : undefined;
    return Number.isInteger(given) ? Math.min(Math.max(0, given as number), maxPageSize) : maxPageSize;
  };

  const selectionCost = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = type && fieldOf(type, selection.name.value);
        const below = selection.selectionSet ? selectionCost(selection.selectionSet, field && getNamedType(field.type)) : 0;
        cost += 1 + (field ? pageSize(selection, field) : 1) * below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        cost += selectionCost(selection.selectionSet, condition ?? type);
      } else {
        cost += fragmentCost(selection.name.value);
      }
    }
    return cost;
  };

  const fragmentCost = (name: string): number => {
    if (!fragmentCosts.has(name)) {
      // A fragment spread inside itself adds nothing: NoFragmentCyclesRule refuses the document.
      fragmentCosts.set(name, 0);
      const fragment = fragmentNamed(name);
      if (fragment) fragmentCosts.set(name, selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)));
    }
    return fragmentCosts.get(name)!;
  };

  return selectionCost(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
}

/** The fragments of a document by name, as operationCost looks them up outside validation. */
export function fragmentsOf(document: DocumentNode): (name: string) => FragmentDefinitionNode | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return (name) => fragments.get(name);
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}
