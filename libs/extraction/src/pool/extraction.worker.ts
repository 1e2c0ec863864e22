/**
 * The extraction pool's worker: runs the synchronous extractor on a worker thread. Refusals
 * come back as data (a worker's errors lose their class on the way), so the pool can throw
 * the same ExtractionInputError the synchronous extractor throws.
 */
import { ExtractionInputError, type ExtractionInputErrorCode } from '../errors';
import { extractReport } from '../extractor';
import type { ExtractionOptions, ExtractionResult } from '../types';

export interface ExtractionTask {
  readonly text: string;
  readonly options: ExtractionOptions;
}

export type ExtractionAnswer =
  | { readonly result: ExtractionResult }
  | { readonly refused: { readonly code: ExtractionInputErrorCode; readonly field: string; readonly message: string } };

export default function extract(task: ExtractionTask): ExtractionAnswer {
  try {
    return { result: extractReport(task.text, task.options) };
  } catch (error) {
    if (error instanceof ExtractionInputError) return { refused: { code: error.code, field: error.field, message: error.message } };
    throw error;
  }
}
