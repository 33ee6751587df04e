import { Injectable } from '@nestjs/common';

/** The source of "now"; tests substitute a fixed or movable clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
