import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServeStaticModuleOptions } from '@nestjs/serve-static';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** Where the built web application lies: beside the compiled API, or in dist/ when run from sources (tests). */
export function findWebRoot(candidates = [join(__dirname, '../../../web'), join(__dirname, '../../../../dist/apps/web')]): string | null {
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** API paths the web application's fallback (index.html for client-side routes) must never answer. */
export const API_PATHS = ['/graphql{*path}', '/reports{*path}', '/health{*path}'];

/**
 * The built app at `/`, client-side routes answered with index.html. Hashed assets are cached for a
 * year (their names change with their content); index.html is revalidated every time, so a new
 * release is picked up at the next load. Pre-compressed .br/.gz files (written at build) are served
 * to browsers that accept them.
 */
export function webAppStaticOptions(rootPath: string): ServeStaticModuleOptions {
  return {
    rootPath,
    exclude: API_PATHS,
    serveStaticOptions: {
      preCompressed: true,
      index: 'index.html',
      setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) => {
        res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  };
}

/**
 * Security headers for every response. The web app ships everything itself (no CDN, no external
 * request), so the policy allows only this origin; inline styles are allowed for the design
 * system's components and the HTML report's own stylesheet. No upgrade-insecure-requests: the
 * service is also reached over plain http on loopback.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API is also used by tools on other origins with bearer tokens; nothing here is embedded cross-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  });
}
