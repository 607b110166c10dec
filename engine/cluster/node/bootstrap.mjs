// Starts a TypeScript executor worker from source: registers tsx in this worker thread (module hooks
// of the parent, even tsx's own --import, do not apply inside a worker_threads Worker), then loads
// the entry named in workerData.entry.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
