/** Why raw text was refused; the API maps `TEXT.TOO_LONG` to 413 and the rest to 400. */
export type ExtractionInputErrorCode = 'TEXT.EMPTY' | 'TEXT.TOO_LONG' | 'TEXT.NUL_BYTE' | 'TEXT.NOT_STRING' | 'OPTION.INVALID';

/** Raw text or options that the extractor refuses, naming the field at fault. */
export class ExtractionInputError extends Error {
  constructor(
    readonly code: ExtractionInputErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ExtractionInputError';
  }
}

/** The longest text the extractor accepts, in UTF-16 code units. */
export const MAX_TEXT_CHARS = 200_000;
