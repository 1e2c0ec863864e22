/**
 * Rows in the binary format of `COPY ... FROM STDIN WITH (FORMAT binary)`, for the column
 * types the read models use. PostgreSQL then parses no text at all (timestamps and UUIDs
 * are what it spends most on otherwise), and Node formats no dates. Each value is stored
 * as `JSON.stringify` would have sent it to `json_populate_recordset` (see `insertRows`):
 * null, undefined and invalid dates are NULL.
 */

type Encoder = (writer: BinaryRowWriter, value: unknown) => void;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
/** Beyond this many microseconds a double loses them: such dates are done in bigint. */
const EXACT_MICROS = Number.MAX_SAFE_INTEGER;

/** Every UTF-16 code unit's hex value, -1 for those that are not hex digits. */
const HEX_DIGITS = new Int8Array(65536).fill(-1);
for (let digit = 0; digit < 16; digit++) {
  HEX_DIGITS['0123456789abcdef'.charCodeAt(digit)] = digit;
  HEX_DIGITS['0123456789ABCDEF'.charCodeAt(digit)] = digit;
}
/** Where the two hex digits of each byte start in a canonical UUID (`8-4-4-4-12`). */
const CANONICAL_PAIRS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** A growing buffer of binary COPY data: header, rows, trailer. */
export class BinaryRowWriter {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  constructor() {
    this.reserve(SIGNATURE.length + 8);
    this.length += SIGNATURE.copy(this.buffer, 0);
    this.int32(0); // flags
    this.int32(0); // header extension length
  }

  row(fields: number): void {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(fields, this.length);
  }

  null(): void {
    this.int32(-1);
  }

  int32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeInt32BE(value, this.length);
  }

  /** A field of `bytes` bytes whose content the caller writes next. */
  field(bytes: number): void {
    this.reserve(4 + bytes);
    this.length = this.buffer.writeInt32BE(bytes, this.length);
  }

  uint32(value: number): void {
    this.length = this.buffer.writeUInt32BE(value, this.length);
  }

  int64(value: bigint): void {
    this.length = this.buffer.writeBigInt64BE(value, this.length);
  }

  /** A field holding `prefix` (one byte, or none when -1) and the UTF-8 of `text`. */
  text(text: string, prefix = -1): void {
    const start = this.length;
    const head = prefix < 0 ? 4 : 5;
    this.reserve(head + text.length * 3);
    const buffer = this.buffer;
    let end = start + head;
    // Most values are short and ASCII: copying them here beats a call into Buffer#write.
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0x80) {
        end = start + head + buffer.write(text, start + head, 'utf8');
        break;
      }
      buffer[end++] = code;
    }
    buffer.writeInt32BE(end - start - 4, start);
    if (prefix >= 0) buffer[start + 4] = prefix;
    this.length = end;
  }

  /**
   * A UUID field from its text: canonical (`8-4-4-4-12` hex digits) or as PostgreSQL also
   * reads it (any case, hyphens after any group of four digits, braces around).
   */
  uuid(text: string): void {
    this.field(16);
    if (!this.canonicalUuid(text)) this.anyUuid(text);
  }

  /** Writes a canonical UUID; false, having written nothing that counts, for any other text. */
  private canonicalUuid(text: string): boolean {
    if (text.length !== 36 || text.charCodeAt(8) !== 45 || text.charCodeAt(13) !== 45 || text.charCodeAt(18) !== 45 || text.charCodeAt(23) !== 45) return false;
    const buffer = this.buffer;
    const at = this.length;
    let invalid = 0;
    for (let index = 0; index < 16; index++) {
      const high = HEX_DIGITS[text.charCodeAt(CANONICAL_PAIRS[index])];
      const low = HEX_DIGITS[text.charCodeAt(CANONICAL_PAIRS[index] + 1)];
      invalid |= high | low;
      buffer[at + index] = (high << 4) | low;
    }
    if (invalid < 0) return false;
    this.length = at + 16;
    return true;
  }

  private anyUuid(text: string): void {
    const buffer = this.buffer;
    let at = this.length;
    let high = -1;
    let digits = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 45 || (code === 123 && index === 0) || (code === 125 && index === text.length - 1)) continue;
      const digit = HEX_DIGITS[code];
      if (digit < 0 || digits === 32) throw new TypeError(`not a UUID: ${JSON.stringify(text)}`);
      digits++;
      if (high < 0) high = digit;
      else {
        buffer[at++] = high * 16 + digit;
        high = -1;
      }
    }
    if (digits !== 32) throw new TypeError(`not a UUID: ${JSON.stringify(text)}`);
    this.length = at;
  }

  /** The data so far, with the trailer. */
  finish(): Buffer {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(-1, this.length);
    return this.buffer.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

const asText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

function writeTimestamp(writer: BinaryRowWriter, value: unknown): void {
  const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
  // JSON has no invalid date (it sends null); a string PostgreSQL would refuse is refused here.
  if (Number.isNaN(time) && !(value instanceof Date)) throw new TypeError(`not a time: ${JSON.stringify(value)}`);
  if (Number.isNaN(time)) return writer.null();
  writer.field(8);
  const micros = (time - POSTGRES_EPOCH_MS) * 1000;
  if (Math.abs(micros) > EXACT_MICROS) return writer.int64(BigInt(time - POSTGRES_EPOCH_MS) * 1000n);
  const high = Math.floor(micros / TWO_32);
  writer.int32(high);
  writer.uint32(micros - high * TWO_32);
}

function writeBigint(writer: BinaryRowWriter, value: unknown): void {
  writer.field(8);
  writer.int64(BigInt(value as bigint | number | string));
}

function writeInteger(writer: BinaryRowWriter, value: unknown): void {
  const number = Number(value);
  if (!Number.isInteger(number) || number !== (number | 0)) throw new TypeError(`not a 32-bit integer: ${String(value)}`);
  writer.field(4);
  writer.int32(number);
}

const ENCODERS: Readonly<Record<string, Encoder>> = {
  uuid: (writer, value) => writer.uuid(String(value)),
  text: (writer, value) => writer.text(asText(value)),
  jsonb: (writer, value) => writer.text(JSON.stringify(value), 1),
  'timestamp with time zone': writeTimestamp,
  bigint: writeBigint,
  integer: writeInteger,
};

/** One encoder per column from their types (`format_type`), or null if one has no binary encoder here. */
export function binaryEncoders(types: readonly string[]): Encoder[] | null {
  const encoders = types.map((type) => ENCODERS[type]);
  return encoders.every((encoder) => encoder !== undefined) ? encoders : null;
}

/** Rows (objects keyed by column) as binary COPY data, each column through its encoder. */
export function binaryCopyData(columns: readonly string[], encoders: readonly Encoder[], rows: readonly Readonly<Record<string, unknown>>[]): Buffer {
  const writer = new BinaryRowWriter();
  for (const row of rows) {
    writer.row(columns.length);
    for (let column = 0; column < columns.length; column++) {
      const value = row[columns[column]];
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) writer.null();
      else encoders[column](writer, value);
    }
  }
  return writer.finish();
}
