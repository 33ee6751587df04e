import { type OperationDefinition, type ServiceName } from '@app/platform';
import { serviceInputError } from '../operations/service-input-errors';
import { type Transport } from '../operations/transport';

/** One operation on the AWS query protocol: its form members and its XML result. */
export interface AwsQueryOperation<I extends object = object, O = unknown> {
  readonly operation: OperationDefinition<I, O>;
  /** The result members (PascalCase, as the model names them), rendered as `<OpResult>`. */
  output(output: O): Record<string, unknown> | undefined;
  /** The form members (nested, camelCase) as the operation's input; default: as they are. */
  input?(form: Record<string, unknown>): object;
}

export function awsQuery<I extends object, O>(
  operation: OperationDefinition<I, O>,
  output: (output: O) => Record<string, unknown> | undefined,
  input?: (form: Record<string, unknown>) => object,
): AwsQueryOperation {
  return { operation, output, input };
}

/** One AWS service on the query protocol (`Action=…&Version=…`, XML answers). */
export interface AwsQueryService {
  readonly service: ServiceName;
  /** The XML namespace of its answers. */
  readonly xmlNamespace: string;
  readonly operations: readonly AwsQueryOperation[];
}

export function awsQueryTransport(service: AwsQueryService): Transport {
  return {
    protocol: 'aws-query',
    signingNames: () => [service.service],
    strictMembers: false,
    invalidInput: (operation, failures, wireName) => serviceInputError(operation.service, failures, wireName),
    unreadableCode: 'ValidationError',
  };
}

/** A member of the form as the operation sees it: `RoleArn` → `roleArn`. */
function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The form fields of a query-protocol request as nested members: `Tags.member.1.Key=k` becomes
 * `{tags: [{key: 'k'}]}`; `Action` and `Version` are the protocol's own and dropped. Member names
 * are camelCased; `wireName` turns a member path back into the form's spelling.
 */
export function queryMembers(fields: Record<string, unknown>): {
  members: Record<string, unknown>;
  wireName: (path: string) => string;
} {
  const root: Record<string, unknown> = {};
  const spelled = new Map<string, string>();
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'Action' || name === 'Version' || typeof value !== 'string') continue;
    const segments = name.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < segments.length; i++) {
      const last = i === segments.length - 1;
      const segment = segments[i];
      if (segment === 'member' && i + 1 < segments.length && /^\d{1,4}$/.test(segments[i + 1])) continue;
      const isIndex = /^\d{1,4}$/.test(segment) && segments[i - 1] === 'member';
      const key: string | number = isIndex ? Number(segment) - 1 : camel(segment);
      if (!isIndex && key !== segment) spelled.set(key as string, segment);
      if (last) {
        (node as Record<string | number, unknown>)[key] = value;
      } else {
        const nextIsList = segments[i + 1] === 'member';
        const container = node as Record<string | number, unknown>;
        container[key] ??= nextIsList ? [] : {};
        node = container[key] as Record<string, unknown> | unknown[];
      }
    }
  }
  return {
    members: root,
    wireName: (path) =>
      path
        .split('.')
        .map((segment) =>
          /^\d+$/.test(segment) ? `member.${Number(segment) + 1}` : (spelled.get(segment) ?? segment),
        )
        .join('.'),
  };
}

/** A form member that should be an integer; any other text is kept for validation to refuse. */
export function formInteger(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}

/** A form member that should be a boolean; any other text is kept for validation to refuse. */
export function formBoolean(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}
