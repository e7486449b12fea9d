export { JobsModule } from './jobs.module';
export { Jobs, type JobsOptions } from './jobs.service';
export { deterministicJobId } from './job-id';
export { JOB_ATTEMPTS } from './job-policy';
export type { JobContext, JobCounts, JobHandler, JobStatus, JobView, Enqueued, NewJob } from './jobs.types';
