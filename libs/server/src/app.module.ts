import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessModule } from '@storyline/access';
import { AuditModule } from '@storyline/audit';
import type { StorylineConfig } from '@storyline/database';
import { SubscriptionsModule } from '@storyline/subscriptions';
import { TimelineModule } from '@storyline/timeline';
import { ReadSideModule } from '@storyline/projections';
import { AuthGuard } from './http/auth.guard';
import { InputGuard } from './http/input-guard';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller';
import { logTailCheckProvider, ReadinessChecks } from './health/readiness';
import { KeysController } from './keys/keys.controller';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { StorylineMetrics } from './metrics/storyline-metrics';
import { WebModule } from './web/web.module';
import { ProjectionsController } from './operations/projections.controller';
import { FactReadersModule, StorageModule, type StorageOptions } from '@storyline/host';

@Module({})
export class AppModule {
  static forRoot(databaseUrl: string, config: StorylineConfig, storage: StorageOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        StorageModule.forRoot(databaseUrl, config, storage),
        AccessModule.forRoot({ databaseUrl, bootstrapKey: config.bootstrapKey, anonymousReads: config.anonymousReads, writesPerMinute: config.writesPerMinute }),
        FactReadersModule,
        TimelineModule,
        ReadSideModule,
        AuditModule,
        WebModule,
        SubscriptionsModule.forRoot(databaseUrl, config),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController, KeysController, ProjectionsController],
      providers: [{ provide: APP_GUARD, useClass: InputGuard }, { provide: APP_GUARD, useClass: AuthGuard }, HttpMetrics, ReadinessChecks, logTailCheckProvider, StorylineMetrics],
    };
  }
}
