import { type ArgumentNode, type ASTNode, type DocumentNode, type GraphQLError, Kind, type OperationTypeNode, parse, visit } from 'graphql';
import type { FieldError } from '../journey/domain/errors';

/** A value of the request that graphql-js refused, in the terms of the input that held it. */
export interface ValueError {
  fieldErrors: FieldError[];
  /** The operation's root fields whose arguments held the value, e.g. `enrolParticipant`. */
  rootFields: { operation: OperationTypeNode; name: string }[];
}

/** Where a value sits: the argument holding it, and the path below that argument. */
interface Site {
  operation: OperationTypeNode | null;
  rootField: string | null;
  argument: string;
  path: (string | number)[];
}

/** Nodes that ValuesOfCorrectTypeRule reports: a literal value, or a field of an input object. */
const VALUE_KINDS: ReadonlySet<string> = new Set([
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/**
 * graphql-js's errors about a value, wherever the client put it: written in the document
 * (validation) or sent as a variable (coercion). Each names the field by its path in the
 * argument's input (`enrolledOn`, `personal.email`), or the argument itself when the whole value
 * is wrong; a variable is named where the document uses it. Null for any other error, about the
 * document itself (an unknown field, a wrong operation).
 */
export function valueError(error: Pick<GraphQLError, 'message' | 'nodes'>): ValueError | null {
  const node = error.nodes?.[0];
  const document = node?.loc && reparse(node.loc.source.body);
  if (!node?.loc || !document) return null;
  if (VALUE_KINDS.has(node.kind)) {
    const start = node.loc.start;
    return located(
      sitesOf(document, (candidate) => candidate.kind === node.kind && candidate.loc?.start === start),
      literalReason(error.message),
    );
  }
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const coercion = parseCoercionMessage(error.message);
    if (!coercion) return null;
    const name = node.variable.name.value;
    const start = node.loc.start;
    const sites = sitesOf(
      document,
      (candidate) => candidate.kind === Kind.VARIABLE && candidate.name.value === name,
      // Its uses in the operation that declares it, and in fragments that operation may spread.
      (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.variableDefinitions?.some((d) => d.loc?.start === start) === true,
    );
    if (sites.length === 0) return { fieldErrors: [{ field: name, message: coercion.reason }], rootFields: [] };
    return located(sites, coercion, coercion.path);
  }
  return null;
}

/** A document that parsed once parses again; a copy of it is read only for an error. */
function reparse(body: string): DocumentNode | null {
  try {
    return parse(body);
  } catch {
    return null;
  }
}

function located(sites: Site[], { reason, missing }: Reason, below = ''): ValueError | null {
  if (sites.length === 0) return null;
  const fieldErrors = sites.map(({ argument, path }) => {
    const field = joinPath(joinPath(pathText(path), below), missing ?? '');
    return { field: field || argument, message: reason };
  });
  const rootFields = sites.flatMap(({ operation, rootField }) => (operation && rootField ? [{ operation, name: rootField }] : []));
  return {
    fieldErrors: fieldErrors.filter((e, i) => fieldErrors.findIndex((f) => f.field === e.field) === i),
    rootFields: rootFields.filter((r, i) => rootFields.findIndex((s) => s.name === r.name) === i),
  };
}

/** Every place in the document where a node that `matches` stands as (part of) an argument's value. */
function sitesOf(document: DocumentNode, matches: (node: ASTNode) => boolean, inDefinition: (definition: ASTNode) => boolean = () => true): Site[] {
  const sites: Site[] = [];
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (!matches(node)) return undefined;
      const chain = [...ancestors, parent, node].filter((a): a is ASTNode => a !== undefined && !Array.isArray(a));
      // chain[0] is the document, chain[1] the operation or fragment.
      const site = chain[1] && inDefinition(chain[1]) ? siteOf(chain) : null;
      if (site) sites.push(site);
      return undefined;
    },
  });
  return sites;
}

function siteOf(chain: ASTNode[]): Site | null {
  const at = chain.findLastIndex((n) => n.kind === Kind.ARGUMENT);
  if (at < 0) return null;
  const path: (string | number)[] = [];
  for (let i = at + 1; i < chain.length; i++) {
    const node = chain[i]!;
    if (node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
    else if (node.kind === Kind.LIST && i + 1 < chain.length) path.push(node.values.indexOf(chain[i + 1] as (typeof node.values)[number]));
  }
  const definition = chain[1];
  const operation = definition?.kind === Kind.OPERATION_DEFINITION ? definition.operation : null;
  const rootField = chain.find((n) => n.kind === Kind.FIELD);
  return {
    operation,
    rootField: operation && rootField?.kind === Kind.FIELD ? rootField.name.value : null,
    argument: (chain[at] as ArgumentNode).name.value,
    path,
  };
}

interface Reason {
  reason: string;
  /** A required input field that was left out, named in the reason. */
  missing?: string;
}

/** A literal's error, from graphql-js's ValuesOfCorrectTypeRule or from a scalar's parseLiteral. */
function literalReason(message: string): Reason {
  const reason = /^Expected value of type "[^"]+", found .*?; (.*)$/s.exec(message)?.[1] ?? message;
  return { reason, missing: /^Field "\w+\.(\w+)" of required type/.exec(reason)?.[1] };
}

/**
 * graphql-js reports a variable of the wrong type as
 * `Variable "$input" got invalid value … at "input.enrolledOn"; <reason>`, or as a whole value
 * missing or null: the path below the variable, and the missing field the reason names.
 */
function parseCoercionMessage(message: string): (Reason & { path: string }) | null {
  const at = /^Variable "\$\w+" got invalid value .*? at "\w+\.?([^"]*)"; (.*)$/s.exec(message);
  const whole = /^Variable "\$\w+" got invalid value .*?; (.*)$/s.exec(message);
  const absent = /^Variable "\$\w+" of (?:required|non-null) type .*$/s.exec(message);
  const [path, reason] = at ? [at[1]!, at[2]!] : whole ? ['', whole[1]!] : absent ? ['', message] : [null, ''];
  if (path === null) return null;
  return { path, reason, missing: /^Field "(\w+)" of required type/.exec(reason)?.[1] };
}

/** Names joined as graphql-js prints a path: `personal.email`, `ids[2]`. */
function pathText(path: (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : joinPath(text, key)), '');
}

function joinPath(head: string, tail: string): string {
  if (!head || !tail) return head || tail;
  return tail.startsWith('[') ? `${head}${tail}` : `${head}.${tail}`;
}
