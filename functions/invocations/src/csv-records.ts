const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A CSV text that breaks RFC 4180: where (1-based record and field) and what. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly record: number,
    readonly field: number,
    readonly problem: string,
  ) {
    super(`record ${record}, field ${field}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Reads one quoted field starting at `start` (its opening quote); returns the value and where it ends. */
function quotedField(text: string, start: number, record: number, field: number): [string, number] {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) throw new CsvSyntaxError(record, field, 'a quoted field is never closed');
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += text.slice(from, quote + 1);
      from = quote + 2;
      continue;
    }
    value += text.slice(from, quote);
    const end = quote + 1;
    const next = text.charCodeAt(end);
    if (end < text.length && next !== COMMA && next !== LF && next !== CR) {
      throw new CsvSyntaxError(
        record,
        field,
        `a quoted field must end at a comma or a line break, got ${JSON.stringify(text[end])} after its closing quote`,
      );
    }
    return [value, end];
  }
}

/** Reads one unquoted field from `start` up to the next comma or line break. */
function plainField(text: string, start: number, record: number, field: number): [string, number] {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === COMMA || c === LF || c === CR) break;
    if (c === QUOTE) {
      throw new CsvSyntaxError(
        record,
        field,
        'a " inside an unquoted field: quote the whole field and double the " ("")',
      );
    }
    end++;
  }
  return [text.slice(start, end), end];
}

/**
 * The records of an RFC 4180 text, one at a time: fields separated by commas, records by CRLF or
 * LF; a quoted field may hold commas, line breaks and `""`. A UTF-8 BOM is skipped, and so are
 * blank lines. Anything else that breaks the RFC (an unclosed quote, text after a closing quote,
 * a quote inside an unquoted field) is a CsvSyntaxError naming the record and field.
 */
export function* csvRecords(text: string): Generator<string[]> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let record = 0;
  while (i < text.length) {
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      continue;
    }
    record++;
    const fields: string[] = [];
    for (;;) {
      const [value, end] =
        text.charCodeAt(i) === QUOTE
          ? quotedField(text, i, record, fields.length + 1)
          : plainField(text, i, record, fields.length + 1);
      fields.push(value);
      i = end;
      if (i >= text.length) break;
      const c = text.charCodeAt(i);
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      if (c !== COMMA) break;
    }
    yield fields;
  }
}
