import { SetMetadata } from '@nestjs/common';

/**
 * The metadata key of every route's access declaration. It lives here, below auth, so that this lib's own routes
 * (assets) can declare themselves public; libs/auth defines the other declarations and the guard that reads them.
 */
export const ACCESS_METADATA = 'dialogdag:access';

/** Open to everyone: participants' pages and API, log-in, assets, health. */
export const PublicRoute = () => SetMetadata(ACCESS_METADATA, { kind: 'public' as const });
