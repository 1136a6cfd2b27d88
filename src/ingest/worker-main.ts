/** A worker thread of buildInWorkers (workers.ts): build the seeds it was given and send the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSeeds } from './directory.ts';
import { createIngestor, type SeedInput } from './pipeline.ts';

const { contentDir, seeds } = workerData as { contentDir: string; seeds: SeedInput[] };
try {
  parentPort!.postMessage(buildSeeds(seeds, createIngestor(contentDir)));
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
}
