import { binaryCopyData, binaryEncoders } from './copy-binary';

const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const TRAILER = Buffer.from([0xff, 0xff]);

/** The binary COPY data of one row with one column of `type`, without header and trailer. */
function oneField(type: string, value: unknown): Buffer {
  const data = binaryCopyData(['value'], binaryEncoders([type])!, [{ value }]);
  expect(data.subarray(0, HEADER.length)).toEqual(HEADER);
  expect(data.subarray(data.length - 2)).toEqual(TRAILER);
  expect(data.readInt16BE(HEADER.length)).toBe(1);
  return data.subarray(HEADER.length + 2, data.length - 2);
}

const field = (...bytes: Buffer[]): Buffer => {
  const content = Buffer.concat(bytes);
  const length = Buffer.alloc(4);
  length.writeInt32BE(content.length);
  return Buffer.concat([length, content]);
};

const NULL = Buffer.from([0xff, 0xff, 0xff, 0xff]);
const UUID = Buffer.from('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'hex');

describe('binary COPY data', () => {
  it('has an encoder for the read models’ column types only', () => {
    expect(binaryEncoders(['uuid', 'text', 'jsonb', 'timestamp with time zone', 'bigint', 'integer'])).toHaveLength(6);
    expect(binaryEncoders(['uuid', 'boolean'])).toBeNull();
  });

  it('writes UUIDs as 16 bytes, from every spelling PostgreSQL reads, and refuses anything else', () => {
    for (const spelling of ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', 'a0eebc999c0b4ef8bb6d6bb9bd380a11', 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11']) {
      expect(oneField('uuid', spelling)).toEqual(field(UUID));
    }
    for (const wrong of ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111', 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'report-1', '']) {
      expect(() => oneField('uuid', wrong)).toThrow(`not a UUID: ${JSON.stringify(wrong)}`);
    }
  });

  it('writes text as UTF-8, escaping nothing', () => {
    for (const text of ['', 'Outlet 3', 'tab\there\nand \\ back', 'Kyiv, Київ — “quoted” 😀']) expect(oneField('text', text)).toEqual(field(Buffer.from(text, 'utf8')));
    expect(oneField('text', 42)).toEqual(field(Buffer.from('42')));
  });

  it('writes jsonb as version 1 and the JSON text', () => {
    const changes = { statement: 'Corrected “again”', evidence: { start: 0, end: 4 }, attributedTo: undefined };
    expect(oneField('jsonb', changes)).toEqual(field(Buffer.from([1]), Buffer.from(JSON.stringify(changes), 'utf8')));
  });

  it('writes timestamps as microseconds since 2000, before and after it and beyond what a double holds exactly', () => {
    const micros = (iso: string): bigint => oneField('timestamp with time zone', new Date(iso)).readBigInt64BE(4);
    expect(micros('2000-01-01T00:00:00.000Z')).toBe(0n);
    expect(micros('2025-11-20T08:00:00.123Z')).toBe(BigInt(Date.parse('2025-11-20T08:00:00.123Z') - Date.UTC(2000, 0, 1)) * 1000n);
    expect(micros('1970-01-01T00:00:00.001Z')).toBe(-946684799999000n);
    expect(micros('1999-12-31T23:59:59.999Z')).toBe(-1000n);
    expect(micros('2999-12-31T23:59:59.999Z')).toBe(BigInt(Date.parse('2999-12-31T23:59:59.999Z') - Date.UTC(2000, 0, 1)) * 1000n);
    expect(oneField('timestamp with time zone', '2025-11-20T08:00:00Z').readBigInt64BE(4)).toBe(BigInt(Date.parse('2025-11-20T08:00:00Z') - Date.UTC(2000, 0, 1)) * 1000n);
    expect(() => oneField('timestamp with time zone', 'last Tuesday')).toThrow('not a time: "last Tuesday"');
  });

  it('writes bigints and integers big-endian, and refuses what an integer column cannot hold', () => {
    expect(oneField('bigint', 12345678901234n).readBigInt64BE(4)).toBe(12345678901234n);
    expect(oneField('bigint', -1n).readBigInt64BE(4)).toBe(-1n);
    expect(oneField('integer', 2147483647).readInt32BE(4)).toBe(2147483647);
    expect(oneField('integer', -5).readInt32BE(4)).toBe(-5);
    expect(() => oneField('integer', 2147483648)).toThrow('not a 32-bit integer');
    expect(() => oneField('integer', 1.5)).toThrow('not a 32-bit integer');
  });

  it('writes NULL for null, undefined, invalid dates and numbers JSON cannot hold, as a JSON insert would', () => {
    expect(oneField('text', null)).toEqual(NULL);
    expect(oneField('uuid', undefined)).toEqual(NULL);
    expect(oneField('timestamp with time zone', new Date(Number.NaN))).toEqual(NULL);
    expect(oneField('integer', Number.NaN)).toEqual(NULL);
  });

  it('writes rows of several columns one after another, growing past its first buffer', () => {
    const rows = Array.from({ length: 3000 }, (_, index) => ({ id: index, name: `row ${index}`.repeat(10) }));
    const data = binaryCopyData(['id', 'name'], binaryEncoders(['integer', 'text'])!, rows);
    let at = HEADER.length;
    for (const row of rows) {
      expect(data.readInt16BE(at)).toBe(2);
      expect(data.readInt32BE(at + 2)).toBe(4);
      expect(data.readInt32BE(at + 6)).toBe(row.id);
      const length = data.readInt32BE(at + 10);
      expect(data.toString('utf8', at + 14, at + 14 + length)).toBe(row.name);
      at += 14 + length;
    }
    expect(data.subarray(at)).toEqual(TRAILER);
  });
});
