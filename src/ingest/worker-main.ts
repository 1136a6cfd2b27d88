/** A worker thread of buildInWorkers (workers.ts): build the seeds it was given and send the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSeeds } from './directory.ts';
import type { IngestData } from './data.ts';
import { ingestorFromData, type SeedInput } from './pipeline.ts';

const { data, seeds } = workerData as { data: IngestData; seeds: SeedInput[] };
try {
  parentPort!.postMessage(buildSeeds(seeds, ingestorFromData(data)));
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
}
