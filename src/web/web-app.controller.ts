import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator';
import { APP_PAGES, GRAPHIQL_PAGE, isAppPage } from './web-app-policy';
import { sendFile } from './send-file';
import { WebAppFiles } from './web-app-files';

/** Hashed names change with their content: a browser may keep them for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page names the assets of the current build: a browser asks each time whether it changed. */
const REVALIDATED = 'no-cache';

/** Settings the controller is built with. */
export const WEB_APP_SETTINGS = Symbol('WEB_APP_SETTINGS');

/**
 * The web app: its page at each of its paths, its hashed assets under /assets, and GraphiQL's page
 * and assets outside production. An unknown asset is a 404 like any unknown path, not the app's page.
 */
@Controller()
@Public()
export class WebAppController {
  constructor(
    private readonly files: WebAppFiles,
    @Inject(WEB_APP_SETTINGS) private readonly settings: { production: boolean },
  ) {}

  @Get(APP_PAGES.map((path) => path.slice(1)))
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = request.url.split('?')[0]!;
    // A segment no page has (`/cases/a.b`) is a 404, and would not get the app's policy either.
    if (!isAppPage(path)) throw new NotFoundException(`Cannot GET ${path}`);
    return this.send(request, reply, 'index.html', REVALIDATED);
  }

  @Get(GRAPHIQL_PAGE.slice(1))
  graphiql(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (this.settings.production) throw new NotFoundException(`Cannot GET ${GRAPHIQL_PAGE}`);
    return this.send(request, reply, 'graphiql.html', REVALIDATED);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.files.hasAsset(file, this.settings.production)) throw new NotFoundException(`Cannot GET /assets/${file}`);
    return this.send(request, reply, join('assets', file), IMMUTABLE);
  }

  private send(request: FastifyRequest, reply: FastifyReply, file: string, cacheControl: string): Promise<void> {
    const root = this.files.root();
    if (!root) throw new NotFoundException('The web app is not built: run npm run build');
    return sendFile(request, reply, file, { root, cacheControl });
  }
}
