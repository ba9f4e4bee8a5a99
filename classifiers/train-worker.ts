// Runs trainModel in a worker thread (started by train-in-worker.ts) so that `soz train` never blocks the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { type TrainingExample, trainModel } from './train-model.ts';

const { examples, version } = workerData as { examples: TrainingExample[]; version: string };
try {
  parentPort!.postMessage({ ok: true, model: trainModel(examples, version) });
} catch (error) {
  parentPort!.postMessage({ ok: false, message: (error as Error).message });
}
