/**
 * Building entries on worker threads: each worker gets the data the main thread loaded (a structured copy,
 * no YAML parsed again) and builds the seeds it is sent; results come back in seed order. Used by ingestDirectoryParallel for large runs.
 */
import { Worker } from 'node:worker_threads';
import type { IngestData } from './data.ts';
import type { SeedInput } from './pipeline.ts';
import type { BuildResult } from './directory.ts';

export async function buildInWorkers(seeds: SeedInput[], data: IngestData, workers: number): Promise<BuildResult[]> {
  const results: BuildResult[] = new Array(seeds.length);
  // Contiguous slices, one per worker: each worker's start-up is paid once.
  const size = Math.ceil(seeds.length / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = w * size;
      const slice = seeds.slice(from, from + size);
      if (!slice.length) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./worker-main.ts', import.meta.url), { workerData: { data, seeds: slice } });
        worker.once('message', (out: BuildResult[] | { error: string }) => {
          if (!Array.isArray(out)) reject(new Error(out.error));
          else {
            out.forEach((r, i) => (results[from + i] = r));
            resolve();
          }
          void worker.terminate();
        });
        worker.once('error', reject);
      });
    }),
  );
  return results;
}
