import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth';
import { ScenarioImporter } from './import/scenario-importer';
import { ScenarioAccountDeletion } from './scenario-account-deletion';
import { ScenarioCache } from './scenario-cache';
import { ScenarioController } from './scenario.controller';
import { ScenarioEntity } from './scenario.entity';
import { ScenarioService } from './scenario.service';
import { ScenarioStore } from './scenario.store';
import { LibrarySeed } from './seed/library-seed';

@Module({
  imports: [TypeOrmModule.forFeature([ScenarioEntity]), AuthModule],
  controllers: [ScenarioController],
  providers: [
    ScenarioStore,
    ScenarioCache,
    ScenarioService,
    LibrarySeed,
    ScenarioImporter,
    ScenarioAccountDeletion,
  ],
  exports: [ScenarioService, ScenarioImporter],
})
export class ScenarioModule {}
