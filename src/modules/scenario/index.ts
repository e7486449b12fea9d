export { ScenarioModule } from './scenario.module';
