import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ENDPOINT = 'publicEndpoint';

/** For operators' probes and scrapers (health, metrics): no token, and nothing personal behind it. */
export const Public = () => SetMetadata(PUBLIC_ENDPOINT, true);
