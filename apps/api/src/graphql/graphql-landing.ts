import type { NextFunction, Request, Response } from 'express';

const PAGE = `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>API GraphQL · DUP Monitor</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}code{background:#f2f2f2;padding:0 .2rem}a{color:#0059b3}</style></head>
<body><main>
<h1>API GraphQL di DUP Monitor</h1>
<p>Questo indirizzo è l'interfaccia di programmazione (API) di DUP Monitor: risponde a richieste <code>POST</code> con corpo JSON, non alla navigazione con il browser.</p>
<p>Per consultare il piano, compilare lo stato di attuazione o scaricare i rapporti usare l'<a href="/">applicazione web</a>.</p>
<p>Revisori e strumenti di analisi: autenticarsi con <code>mutation { login(…) }</code> o con un token API in sola lettura (<code>Authorization: Bearer dupm_…</code>); lo schema è descritto in italiano e consultabile per introspezione.</p>
</main></body></html>`;

/**
 * A person who opens /graphql in a browser gets an Italian page pointing to the web app, instead
 * of a GraphQL error about CSRF prevention. Scripts and GraphQL clients are passed through.
 */
export function graphqlBrowserLanding(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' && req.query['query'] === undefined && req.accepts(['json', 'html']) === 'html') {
    res.status(200).type('html').send(PAGE);
    return;
  }
  next();
}
