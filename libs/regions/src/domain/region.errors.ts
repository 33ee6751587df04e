import { DomainError } from '@app/platform/errors';

/* Refusals of the Region catalogue and of opt-in changes. */

export class InvalidRegionNameError extends DomainError {
  constructor(name: string) {
    super(
      'InvalidRegionNameException',
      `Region name ${JSON.stringify(name.slice(0, 64))} is invalid: expected lower-case words joined by '-' ending in a number, e.g. eu-west-1.`,
    );
  }
}

export class RegionNotFoundError extends DomainError {
  constructor(name: string) {
    super('RegionNotFoundException', `Region ${name} does not exist in this partition.`);
  }
}

export class RegionAlreadyExistsError extends DomainError {
  constructor(name: string) {
    super('RegionAlreadyExistsException', `Region ${name} already exists.`);
  }
}

/** Default Regions are always enabled: only opt-in ones can be enabled or disabled. */
export class DefaultRegionOptInError extends DomainError {
  constructor(name: string) {
    super('ValidationException', `Region ${name} is enabled by default and cannot be enabled or disabled.`);
  }
}
