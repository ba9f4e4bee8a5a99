// Training off the main thread: a worker thread registers tsx (the project runs TypeScript without a build step)
// and runs train-worker.ts; the event loop stays free for the server and the scheduler meanwhile.
import { Worker } from 'node:worker_threads';
import type { ModelFile } from './model-file.ts';
import type { TrainingExample } from './train-model.ts';

export function trainInWorker(examples: readonly TrainingExample[], version: string): Promise<ModelFile> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./train-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { examples, version } });
    let settled = false;
    worker.once('message', (message: { ok: true; model: ModelFile } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve(message.model);
      else reject(new Error(`training failed: ${message.message}`));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the training worker exited with code ${code} before answering`));
    });
  });
}
