import { Controller, Get, Logger, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '@storyline/access';
import type { Response } from 'express';
import { WebAssets, type WebAsset } from './web-assets';

/**
 * Stricter than the app-wide policy (which lets Swagger UI run inline scripts): scripts
 * only from this origin, calls only to it. Inline styles stay allowed because the
 * vis-timeline build injects its stylesheet at run time.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The web page: its HTML, script and style files are public (they hold no data); every
 * call the page then makes to the API carries the user's key.
 */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class WebController {
  private readonly assets = new WebAssets();

  constructor() {
    if (!this.assets.publicDir) new Logger('web').warn('the web page files (web/public beside the server, copied by nest build) were not found; / answers 404');
  }

  @Get()
  page(@Res() response: Response): void {
    this.send(response, this.assets.page('index.html'), 'index.html');
  }

  @Get('web/vendor/:file')
  vendor(@Param('file') file: string, @Res() response: Response): void {
    this.send(response, this.assets.vendorFile(file), file);
  }

  @Get('web/:file')
  own(@Param('file') file: string, @Res() response: Response): void {
    this.send(response, this.assets.page(file), file);
  }

  private send(response: Response, asset: WebAsset | null, name: string): void {
    if (!asset) throw new NotFoundException(`the web page has no file "${name.slice(0, 80)}"`);
    response.setHeader('Content-Security-Policy', PAGE_CSP);
    response.sendFile(asset.path, { headers: { 'Content-Type': asset.type, 'Cache-Control': asset.cacheControl }, dotfiles: 'deny' });
  }
}
