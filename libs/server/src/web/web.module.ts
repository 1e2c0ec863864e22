import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/** The browser page at `/`: the story list, its timeline, as-of slider, replay and ingest. */
@Module({ controllers: [WebController] })
export class WebModule {}
