import { Injectable } from '@nestjs/common';
import {
  type ResourceFacts,
  type ResourceFactsQuery,
  ResourceFactsSource,
  type ResourceKind,
} from '@app/iam';
import { type EntityManager } from 'typeorm';
import { bucketOfArn, bucketPolicyRule } from '../domain/bucket-policy';
import { isStorableText } from '../domain/object-limits';
import { BucketRepository } from '../persistence/bucket.repository';

/**
 * The owner's side of a bucket (delivery.md §6.2): its bucket policy, a resource-based policy that
 * grants or denies principals of any account, the owner's included; across accounts it must grant.
 * Buckets carry no tags here.
 */
@Injectable()
export class BucketResourceFacts extends ResourceFactsSource {
  readonly kind: ResourceKind = 'bucket';
  override readonly appliesWithinAccount = true;

  constructor(private readonly buckets: BucketRepository) {
    super();
  }

  async facts(em: EntityManager, query: ResourceFactsQuery): Promise<ResourceFacts> {
    const tags = query.needTags ? { tags: [] } : {};
    const name = bucketOfArn(query.resource.arn);
    if (name === undefined || !isStorableText(name)) return tags;
    const found = await this.buckets.findAccessFacts(em, name);
    const rule = found && bucketPolicyRule(found);
    if (!rule) return tags;
    return { ...tags, rule: { name: rule.name, kind: 'resource', document: rule.document } };
  }
}

/** The owner's side of an object: its bucket's policy. */
@Injectable()
export class ObjectResourceFacts extends BucketResourceFacts {
  override readonly kind: ResourceKind = 'object';
}
