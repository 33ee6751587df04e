import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListTagsForResource, TagResource, UntagResource } from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { queryList, RestOperation, RestOperations } from '../rest-operations';
import { OrganizationTagListResponse, toOrganizationTagListResponse } from './organization.response';
import { MANAGEMENT_RULES, READER_RULES } from './organizations-docs';

const nothing = (): void => undefined;
const RESOURCE_PATH = {
  resourceId: 'A member account (12 digits), an OU (`ou-…`), the root (`r-…`) or a policy (`p-…`)',
};

/** Tags of the organization's accounts, OUs, root and its own policies. */
@ApiTags('organizations')
@Controller('v1/organization/tags/:resourceId')
export class OrganizationTagsController {
  constructor(private readonly rest: RestOperations) {}

  @Get()
  @RestOperation(ListTagsForResource, {
    summary: "list an organization resource's tags",
    description:
      "The tags of an account, OU, root or policy of the caller's organization, by key, in one page " +
      `(a resource has at most 50). ${READER_RULES}`,
    path: RESOURCE_PATH,
    query: [{ name: 'nextToken', required: false, type: String, description: 'Never issued: one page' }],
  })
  @ApiOkResponse({ type: OrganizationTagListResponse })
  list(@Req() request: FastifyRequest): Promise<OrganizationTagListResponse> {
    return this.rest.run(
      request,
      ListTagsForResource,
      ({ params, query }) => ({ resourceId: params.resourceId, nextToken: query.nextToken }),
      toOrganizationTagListResponse,
    );
  }

  @Post()
  @HttpCode(204)
  @RestOperation(TagResource, {
    summary: 'add or overwrite tags of an organization resource',
    description:
      'Adds the tags, overwriting the values of keys the resource has; all or nothing, at most 50 tags ' +
      'on a resource (ConstraintViolationException). Keys are 1–128 characters and may not start with ' +
      '`aws:`, values at most 256. AWS managed policies cannot be tagged. ' +
      MANAGEMENT_RULES,
    path: RESOURCE_PATH,
    body: { without: ['resourceId'] },
  })
  @ApiNoContentResponse({ description: 'Tagged' })
  tag(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      TagResource,
      (parts) => parts.bodyWith({ resourceId: parts.params.resourceId }),
      nothing,
    );
  }

  @Delete()
  @HttpCode(204)
  @RestOperation(UntagResource, {
    summary: 'remove tags of an organization resource',
    description: `Removes the tags whose keys are given as repeated \`key\` query parameters; keys the resource does not have are ignored. ${MANAGEMENT_RULES}`,
    path: RESOURCE_PATH,
    query: [{ name: 'key', required: true, type: [String], description: 'A tag key; repeat for several' }],
  })
  @ApiNoContentResponse({ description: 'Removed' })
  untag(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      UntagResource,
      ({ params, query }) => ({ resourceId: params.resourceId, tagKeys: queryList(query.key) }),
      nothing,
    );
  }
}
