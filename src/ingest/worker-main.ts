/** A worker thread of buildInWorkers (workers.ts): build each batch of seeds it is sent and send the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSeeds } from './directory.ts';
import type { IngestData } from './data.ts';
import { ingestorFromData, type SeedInput } from './pipeline.ts';
import type { WorkerReply } from './workers.ts';

const ingestor = ingestorFromData((workerData as { data: IngestData }).data);
parentPort!.on('message', ({ from, seeds }: { from: number; seeds: SeedInput[] }) => {
  let reply: WorkerReply;
  try {
    reply = { from, results: buildSeeds(seeds, ingestor) };
  } catch (err) {
    reply = { error: (err as Error).stack ?? String(err) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage('ready');
