import { type Type } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type RequestContext } from '../context/request-context';
import { type ErrorCode } from '../errors/error-status';

/** The services whose APIs Trailplane speaks, plus its own partition administration. */
export type ServiceName = 'cloudtrail' | 'organizations' | 'sts' | 'iam' | 'account' | 'trailplane' | 's3';

/** Kinds of resource whose owner has rules of its own (resource rules, trust and bucket policies). */
export type ResourceKind = 'trail' | 'assumable-role' | 'bucket' | 'object';

/** One resource a request acts on. */
export interface ResourceRef {
  /** The resource's ARN, or `*` for operations that take none. */
  readonly arn: string;
  /**
   * The account that owns it. A resource of another account is reachable only where its owner's
   * rules allow (iam.md §2); for `*` and Organizations' own resources, the caller's account.
   */
  readonly account: string;
  /** Set when the owner's side (tags, resource rule) must be read to decide. */
  readonly kind?: ResourceKind;
}

/** Condition keys of a request (`aws:RequestTag/…`, `sts:ExternalId`): a string or a list of them. */
export type ConditionContext = Record<string, string | readonly string[]>;

/** What an operation's resources are computed from, besides its input: the caller and its place. */
export interface OperationScope {
  readonly partition: string;
  /** The Region the request acts in (the credential scope's). */
  readonly region: string;
  readonly accountId: string;
  /** The caller's organization, when its account is in one. */
  readonly organization?: { readonly id: string; readonly managementAccountId: string };
  /** Reads with a pooled connection (for resources whose ARN depends on stored facts, e.g. IAM paths). */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /** A provider of the application (repositories those reads need). */
  resolve<T>(type: Type<T>): T;
}

/**
 * An operation's input class: class-validator decorators say its members, types and limits. Its
 * members are the AWS API's member names in camelCase (`name`, `s3BucketName`, `tagsList`), the
 * names both transports map to and every event records.
 */
export type OperationInput<I extends object> = new () => I;

/** An action an operation performs besides its own, on the resources given. */
export interface DependentAction {
  readonly action: string;
  readonly resources: readonly ResourceRef[];
}

/**
 * One operation, defined once for every transport: its IAM action (`<service>:<name>`), whether it
 * only reads, its validated input, the resources and condition keys it is authorized on, the use
 * case it runs, and what its event records. Transports only map wire shapes to `I` and `O` to
 * wire shapes.
 */
export interface OperationDefinition<I extends object = object, O = unknown, U = unknown> {
  readonly service: ServiceName;
  /** The AWS operation name (`CreateTrail`): it names the IAM action and the event. */
  readonly name: string;
  /**
   * The IAM action when it is not `<service>:<name>`: S3 authorizes several operations under one
   * action (HeadBucket and ListObjects as `s3:ListBucket`, HeadObject as `s3:GetObject`).
   */
  readonly action?: string;
  readonly readOnly: boolean;
  readonly input: OperationInput<I>;
  /**
   * The resources the call acts on, computed from its input as received (authorization runs before
   * the input's constraints are reported, as AWS orders its answers): members may be missing or of
   * the wrong type, and a missing identifier means `*`. Default: `*`.
   */
  resources?(
    input: Partial<I>,
    scope: OperationScope,
  ): readonly ResourceRef[] | Promise<readonly ResourceRef[]>;
  /** The operation's own condition keys. */
  conditions?(input: Partial<I>): ConditionContext;
  /**
   * Further actions the call performs for the caller, each authorized like the operation's own
   * (IAM's dependent actions): REST CreateTrail with `createBucket` also creates a bucket and
   * writes its policy.
   */
  dependentActions?(input: Partial<I>, scope: OperationScope): readonly DependentAction[];
  /** Performed whatever the policies say (GetCallerIdentity). */
  readonly unconditional?: boolean;
  /**
   * `own` for a write that opens its own transactions (bulk ingestion admits a batch before it takes
   * a connection): the runner opens none around it and records its event afterwards, buffered.
   */
  readonly transaction?: 'own';
  /** The injectable the call runs. */
  readonly useCase: Type<U>;
  /** Runs the validated call. */
  run(useCase: U, ctx: RequestContext, input: I): Promise<O>;
  /** `Data` for object-level calls of the object store: delivered by trails that select them, never looked up. */
  readonly eventCategory?: 'Management' | 'Data';
  /** Event `requestParameters`; default: the validated input (null when it has no member). */
  requestParameters?(input: I): Record<string, unknown> | null;
  /** Event `responseElements` of a successful write (camelCase, as CloudTrail records them); reads record null. */
  responseElements?(output: O): unknown;
  /**
   * Event `resources`: by default what the request names (the authorized resources but `*`);
   * `none` for lists, which name none.
   */
  readonly eventResources?: 'none';
  /** Event `resources` of a successful call, when they are not what the request names (CreateTrail's owner). */
  resourcesOf?(output: O, authorized: readonly ResourceRef[]): readonly ResourceRef[];
  /**
   * The codes the operation's own rules answer (its use case, domain rules and resource rules),
   * besides those every call may get (authentication, authorization, invalid input, throttling,
   * faults); kept here, beside the operation, so every transport's documentation says the same.
   */
  readonly errors?: readonly ErrorCode[];
}

/** Declares an operation (types inferred from the use case and input class). */
export function defineOperation<I extends object, O, U>(
  definition: OperationDefinition<I, O, U>,
): OperationDefinition<I, O, U> {
  return definition;
}

/** The operation's IAM action. */
export function actionOf(operation: Pick<OperationDefinition, 'service' | 'name' | 'action'>): string {
  return operation.action ?? `${operation.service}:${operation.name}`;
}

/** The input of an operation that takes no member. */
export class NoMembers {}
