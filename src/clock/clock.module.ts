import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** One clock for the whole service: the system's, or one its starter gives (the demo's); tests replace it with `overrideProvider(Clock)`. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
