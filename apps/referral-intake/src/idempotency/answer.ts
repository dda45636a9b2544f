import type { StoredAnswer } from './idempotency';

/** The bit of Express's response an answer needs (passthrough: Nest still writes the body). */
export interface StatusResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/**
 * Answers with the stored status — 201 the first time and on every repeat of the same
 * Idempotency-Key — and says when the answer is a repeat.
 */
export function answerWith<T>(response: StatusResponse, answer: StoredAnswer<T>): T {
  response.status(answer.status);
  if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return answer.body;
}
