import { parentPort } from 'node:worker_threads';
import { perform, type TaskName, type Tasks } from './tasks';

/** What the pool posts: one task, numbered so its answer finds the caller. */
export interface TaskMessage<Name extends TaskName = TaskName> {
  id: number;
  name: Name;
  input: Tasks[Name]['input'];
}

/** An unexpected failure, as plain data: the message and what `runProcess` names (the path, the errno code). */
export interface TaskFailure {
  message: string;
  path?: string;
  code?: string;
}

export type TaskAnswer = { id: number; output: unknown } | { id: number; failure: TaskFailure };

parentPort?.on('message', async ({ id, name, input }: TaskMessage) => {
  let answer: TaskAnswer;
  try {
    answer = { id, output: await perform(name, input) };
  } catch (error) {
    const { path, code } = (error ?? {}) as NodeJS.ErrnoException;
    answer = { id, failure: { message: error instanceof Error ? error.message : String(error), path, code } };
  }
  parentPort?.postMessage(answer);
});
