import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { join } from 'node:path';
import { Public } from '../auth/public.decorator';
import { APP_PAGES, GRAPHIQL_PAGE, isAppPage } from './web-app-policy';
import { WebAppFiles } from './web-app-files';

interface FileResponse {
  sendFile(path: string, options: Record<string, unknown>, done: (error?: Error) => void): void;
}

/**
 * Hashed names change with their content: a browser may keep them for a year without asking again.
 * Given as a header: the service's own `no-store`, already set, would otherwise stand.
 */
const IMMUTABLE = { cacheControl: false, headers: { 'cache-control': 'public, max-age=31536000, immutable' } };
/** The page names the assets of the current build: a browser asks each time whether it changed. */
const REVALIDATED = { cacheControl: false, headers: { 'cache-control': 'no-cache' } };

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
  page(@Req() request: { path: string }, @Res() response: FileResponse): Promise<void> {
    // A segment no page has (`/cases/a.b`) is a 404, and would not get the app's policy either.
    if (!isAppPage(request.path)) throw new NotFoundException(`Cannot GET ${request.path}`);
    return this.send(response, 'index.html', REVALIDATED);
  }

  @Get(GRAPHIQL_PAGE.slice(1))
  graphiql(@Res() response: FileResponse): Promise<void> {
    if (this.settings.production) throw new NotFoundException(`Cannot GET ${GRAPHIQL_PAGE}`);
    return this.send(response, 'graphiql.html', REVALIDATED);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: FileResponse): Promise<void> {
    if (!this.files.hasAsset(file, this.settings.production)) throw new NotFoundException(`Cannot GET /assets/${file}`);
    return this.send(response, join('assets', file), IMMUTABLE);
  }

  private send(response: FileResponse, file: string, options: Record<string, unknown>): Promise<void> {
    const root = this.files.root();
    if (!root) throw new NotFoundException('The web app is not built: run npm run build');
    return new Promise((resolve, reject) => response.sendFile(file, { root, dotfiles: 'deny', ...options }, (error) => (error ? reject(error) : resolve())));
  }
}
