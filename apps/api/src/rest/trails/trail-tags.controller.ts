import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AddTags, ListTags, RemoveTags } from '@app/trails';
import { type FastifyRequest } from 'fastify';
import { queryList, RestOperation, RestOperations } from '../rest-operations';
import { ARN_PATH, CHANGE_RULES } from './trail-docs';
import { TrailTagsResponse } from './trail.responses';

const nothing = (): void => undefined;

/** A trail's tags, by ARN in the called Region (cloudtrail.md decision 10). */
@ApiTags('trails')
@Controller('v1/trails/:trail/tags')
export class TrailTagsController {
  constructor(private readonly rest: RestOperations) {}

  @Get()
  @RestOperation(ListTags, {
    summary: "list a trail's tags",
    description:
      'The tags of a trail the caller holds in the called Region, named by ARN (the ARN must be of ' +
      'the called Region); a trail the caller cannot see is ResourceNotFoundException.',
    path: ARN_PATH,
  })
  @ApiOkResponse({ type: TrailTagsResponse })
  tags(@Req() request: FastifyRequest): Promise<TrailTagsResponse> {
    return this.rest.run(
      request,
      ListTags,
      ({ params }) => ({ resourceIdList: [params.trail] }),
      ([tags]) => tags,
    );
  }

  @Post()
  @HttpCode(204)
  @RestOperation(AddTags, {
    summary: 'add or overwrite tags of a trail',
    description:
      'Adds the tags, overwriting the values of keys the trail has; a trail has at most 50 tags. ' +
      `Tag keys are 1–128 characters, values at most 256. ${CHANGE_RULES}`,
    path: ARN_PATH,
    body: { without: ['resourceId'] },
  })
  @ApiNoContentResponse({ description: 'Tagged' })
  addTags(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      AddTags,
      (parts) => parts.bodyWith({ resourceId: parts.params.trail }),
      nothing,
    );
  }

  @Delete()
  @HttpCode(204)
  @RestOperation(RemoveTags, {
    summary: 'remove tags of a trail',
    description: `Removes the tags whose keys are given as repeated \`key\` query parameters. ${CHANGE_RULES}`,
    path: ARN_PATH,
    query: [{ name: 'key', required: true, type: [String], description: 'A tag key; repeat for several' }],
  })
  @ApiNoContentResponse({ description: 'Removed' })
  removeTags(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      RemoveTags,
      ({ params, query }) => ({
        resourceId: params.trail,
        tagsList: queryList(query.key)?.map((key) => ({ key })),
      }),
      nothing,
    );
  }
}
