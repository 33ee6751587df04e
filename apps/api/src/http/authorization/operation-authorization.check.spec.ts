import { Controller, Get } from '@nestjs/common';
import { type DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AwsAction, AwsService } from '../../aws-json/aws-operation.decorator';
import { Operation, Public } from '../operation';
import { OperationAuthorizationCheck, undeclaredOperations } from './operation-authorization.check';

@Controller('v1/things')
class ThingsController {
  @Get()
  @Operation('cloudtrail', 'ListTrails', { readOnly: true })
  list(): void {}

  @Get('secret')
  @Operation('cloudtrail', 'ListSecrets', { readOnly: true })
  secret(): void {}

  @Get('open')
  @Public()
  open(): void {}

  @Get('forgotten')
  forgotten(): void {}
}

@AwsService({
  service: 'cloudtrail',
  protocol: 'json',
  targetPrefixes: ['X'],
  validationCode: 'ValidationException',
})
class ThingsAwsService {
  @AwsAction({ readOnly: true })
  async ListTrails(): Promise<void> {}

  @AwsAction({ readOnly: true })
  async GetTrailPropagation(): Promise<void> {}
}

function check(controllers: object[], providers: object[]): OperationAuthorizationCheck {
  const wrap = (instance: object) => ({ instance, metatype: instance.constructor });
  const discovery = {
    getControllers: () => controllers.map(wrap),
    getProviders: () => providers.map(wrap),
  } as unknown as DiscoveryService;
  return new OperationAuthorizationCheck(discovery, new MetadataScanner(), new Reflector());
}

describe(OperationAuthorizationCheck.name, () => {
  it('refuses to start when an operation declares no resources for its transport, or a route is unlabelled', () => {
    expect(() => check([new ThingsController()], [new ThingsAwsService()]).onApplicationBootstrap()).toThrow(
      [
        'Authorization is not declared for every operation:',
        '- cloudtrail:ListSecrets (rest, ThingsController.secret) declares no resources',
        // GetTrailPropagation is declared for REST only.
        '- cloudtrail:GetTrailPropagation (aws, ThingsAwsService.GetTrailPropagation) declares no resources',
        '- ThingsController.forgotten has neither @Operation nor @Public',
      ].join('\n'),
    );
  });

  it('passes when every served operation is declared', () => {
    expect(() => check([], []).onApplicationBootstrap()).not.toThrow();
    expect(
      undeclaredOperations([{ action: 'cloudtrail:ListTrails', transport: 'rest', source: 'x' }], {
        'cloudtrail:ListTrails': { rest: () => [] },
      }),
    ).toEqual([]);
  });
});
