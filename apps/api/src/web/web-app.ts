import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';

/** Where the built web application lies: beside the compiled API, or in dist/ when run from sources (tests). */
export function findWebRoot(candidates = [join(__dirname, '../../../web'), join(__dirname, '../../../../dist/apps/web')]): string | null {
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Paths the API answers itself: never the web app's files or its index.html fallback. */
const API_PATH = /^\/(graphql|reports|health|collection|imports)(\/|$)/;

/**
 * The built app at `/`: its files (pre-compressed .br/.gz, written at build, sent to browsers that
 * accept them), and index.html for every other GET, so client-side routes survive a reload.
 * Hashed assets are cached for a year (their names change with their content); index.html is
 * revalidated every time, so a new release is picked up at the next load.
 */
export function webApp(rootPath: string): Router {
  const router = Router();
  const indexFile = join(rootPath, 'index.html');
  const files = expressStaticGzip(rootPath, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      setHeaders: (res, path) => res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    },
  });
  router.use((req, res, next) => (API_PATH.test(req.path) ? next() : files(req, res, next)));
  router.get(/.*/, (req, res, next) => {
    if (API_PATH.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
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
