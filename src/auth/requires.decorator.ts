import { SetMetadata } from '@nestjs/common';
import type { Capability } from './access-policy';

export const REQUIRED_CAPABILITY = 'requiredCapability';

/** Declares what an operation needs; an operation without it is refused to everyone. */
export const Requires = (capability: Capability) => SetMetadata(REQUIRED_CAPABILITY, capability);
