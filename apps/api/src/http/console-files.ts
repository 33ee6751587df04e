import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `npm run build` puts the console: dist/console, from dist/ or from the sources (tests). */
function consoleDirectory(): string | undefined {
  const top = resolve(__dirname, '../../../..');
  return [join(top, 'console'), join(top, 'dist', 'console')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the web console at /console/: its hashed assets cached for a year, its index never (so a
 * new build is picked up at once). Not signed: the page holds no data; the API calls it makes are.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  const root = consoleDirectory();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/console', (_request, reply) => reply.redirect('/console/', 301));
  if (!root) {
    fastify.get('/console/', (_request, reply) =>
      reply.code(404).type('text/plain').send('The console is not built: run `npm run build`.\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/console/',
    decorateReply: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (response, path) => {
      const hashed = path.includes(`${join(root, 'assets')}`);
      response.header(
        'cache-control',
        hashed ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : 'no-cache',
      );
      response.header('x-content-type-options', 'nosniff');
      if (!hashed) {
        response.header(
          'content-security-policy',
          "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
        );
      }
    },
  });
}
