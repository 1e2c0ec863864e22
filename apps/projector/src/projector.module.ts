import { Module, type DynamicModule } from '@nestjs/common';
import type { StorylineConfig } from '@storyline/database';
import { StorageModule } from '@storyline/host';

/** The storage wiring alone, with the projector always a candidate for leadership. */
@Module({})
export class ProjectorModule {
  static forRoot(databaseUrl: string, config: StorylineConfig): DynamicModule {
    return { module: ProjectorModule, imports: [StorageModule.forRoot(databaseUrl, config, { projector: 'inline' })] };
  }
}
