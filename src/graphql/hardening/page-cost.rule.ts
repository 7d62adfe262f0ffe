import {
  type FieldNode,
  getNamedType,
  type GraphQLField,
  GraphQLError,
  type GraphQLNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  type ValidationRule,
} from 'graphql';

export interface PageCostLimit {
  maxCost: number;
  /** The largest page a connection serves. */
  maxPageSize: number;
}

/**
 * Refuses a document that could ask for too much: every field costs 1, and the selection of a
 * field that takes `first` (a page) costs once per item of the page. graphql-armor's cost limit
 * counts only a literal `first`: a page sized by a variable, as clients page, or left at its
 * default would count as one item. Here such a page counts as the largest one.
 */
export function pageCostRule({ maxCost, maxPageSize }: PageCostLimit): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    // A fragment costs the same wherever it is spread; remembering it keeps nested spreads linear.
    const fragmentCosts = new Map<string, number>();

    const pageSize = (node: FieldNode, field: GraphQLField<unknown, unknown>): number => {
      if (!field.args.some((arg) => arg.name === 'first')) return 1;
      const first = node.arguments?.find((arg) => arg.name.value === 'first')?.value;
      return first?.kind === Kind.INT ? Math.max(0, Number(first.value)) : maxPageSize;
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
        const fragment = context.getFragment(name);
        if (fragment) fragmentCosts.set(name, selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)));
      }
      return fragmentCosts.get(name)!;
    };

    return {
      OperationDefinition(operation) {
        const cost = selectionCost(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query cost limit of ${maxCost} exceeded, found ${cost} (a page's selection counts once per item; ` +
                `a page whose \`first\` is not written in the query counts as ${maxPageSize} items).`,
              { nodes: operation },
            ),
          );
        }
      },
    };
  };
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}
