import { InvalidInputError } from './organization.errors';

/** ListChildren's `ChildType`, and the `Child` it lists. */
export type ChildType = 'ACCOUNT' | 'ORGANIZATIONAL_UNIT';

export interface Child {
  readonly id: string;
  readonly type: ChildType;
}

export function parseChildType(value: string): ChildType {
  if (value !== 'ACCOUNT' && value !== 'ORGANIZATIONAL_UNIT') {
    throw new InvalidInputError('INVALID_ENUM', 'You specified an invalid value.');
  }
  return value;
}
