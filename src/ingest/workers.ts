/**
 * Building entries on worker threads: each worker gets the data the main thread loaded (a structured copy,
 * no YAML parsed again), then asks for batches of seeds until none are left, so a worker that drew
 * slower articles does not leave the other core idle at the end. Results come back in seed order. Used by
 * ingestDirectoryParallel for large runs.
 */
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { IngestData } from './data.ts';
import type { SeedInput } from './pipeline.ts';
import type { BuildResult } from './directory.ts';

/** Seeds per message: large enough that messages cost little, small enough to share the last ones out. */
const BATCH = 50;

/** A worker's messages besides 'ready' (sent once, at its start): a batch's results, or the error that stopped it. */
export type WorkerReply = { from: number; results: BuildResult[] } | { error: string };

/** Worker threads started ahead of their work: they load their code and data while the caller reads the seeds. */
export interface WorkerPool {
  /**
   * Build the seeds. `onBatch` hears each batch's results as they arrive (after the worker has been sent
   * its next batch, so it does not wait on what the caller does with them). The workers stop at the end.
   */
  build(seeds: SeedInput[], onBatch?: (from: number, results: BuildResult[]) => void): Promise<BuildResult[]>;
  /** Stop the workers without building (the seeds turned out too few to share). */
  stop(): void;
}

// Optimising compiles on a background thread compete with the other worker for the second core, and measured
// cost more CPU in all than compiling on the worker's own thread: V8 reads the flag as each worker starts.
v8.setFlagsFromString('--no-concurrent-recompilation');
v8.setFlagsFromString('--no-concurrent-sparkplug');

export function startWorkers(data: IngestData, workers: number): WorkerPool {
  // Each worker waits for its first batch once it has said 'ready'; errors before build() are kept for it.
  const started = Array.from({ length: workers }, () => {
    const worker = new Worker(new URL('./worker-main.ts', import.meta.url), { workerData: { data } });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(`an ingest worker said ${String(m)} before it was ready`))));
      worker.once('error', reject);
    });
    ready.catch(() => {}); // heard by build(); a pool stopped unused must not report it as unhandled
    const state = { worker, ready, exited: null as number | null };
    worker.once('exit', (code) => (state.exited = code));
    return state;
  });
  return {
    stop: () => started.forEach(({ worker }) => void worker.terminate()),
    build: async (seeds, onBatch) => {
      const results: BuildResult[] = new Array(seeds.length);
      let next = 0;
      await Promise.all(
        started.map(
          ({ worker, ready, exited }) =>
            new Promise<void>((resolve, reject) => {
              if (exited !== null) return reject(new Error(`an ingest worker stopped (exit code ${exited}) before its articles were built`));
              // Each worker holds a batch in hand and one waiting in its queue: while this thread writes the
              // entries of a batch (thousands of new files can take seconds), no worker waits to be sent work.
              let pending = 0;
              const send = () => {
                if (next >= seeds.length) {
                  if (pending === 0) {
                    void worker.terminate();
                    resolve();
                  }
                  return;
                }
                const from = next;
                next += BATCH;
                pending++;
                worker.postMessage({ from, seeds: seeds.slice(from, from + BATCH) });
              };
              worker.on('message', (reply: WorkerReply | 'ready') => {
                if (reply === 'ready') return;
                if ('error' in reply) {
                  void worker.terminate();
                  return reject(new Error(reply.error));
                }
                reply.results.forEach((r, i) => (results[reply.from + i] = r));
                pending--;
                send();
                try {
                  onBatch?.(reply.from, reply.results);
                } catch (err) {
                  void worker.terminate();
                  reject(err as Error);
                }
              });
              worker.once('error', reject);
              // A worker that stops before it is told to (out of memory, say) must not leave the ingest
              // waiting; after resolve() (every batch answered, the worker terminated) this rejection is a no-op.
              worker.once('exit', (code) => reject(new Error(`an ingest worker stopped (exit code ${code}) before its articles were built`)));
              ready.then(() => {
                send();
                send();
              }, reject);
            }),
        ),
      );
      return results;
    },
  };
}

/** Build the seeds on `workers` threads started for them (startWorkers, then build). */
export function buildInWorkers(
  seeds: SeedInput[],
  data: IngestData,
  workers: number,
  onBatch?: (from: number, results: BuildResult[]) => void,
): Promise<BuildResult[]> {
  return startWorkers(data, Math.min(workers, seeds.length)).build(seeds, onBatch);
}
