/**
 * A JSON answer body written as text, in pieces of about a megabyte: a batch of table pages is
 * hundreds of megabytes, which as one object tree would cost millions of objects and as one
 * string would pass V8's limit on string length. Anything that serialises it with
 * `JSON.stringify` gets the same JSON (through `toJSON`, slowly: for tests and tools only).
 */
export class JsonText {
  constructor(readonly pieces: readonly string[]) {}

  toJSON(): unknown {
    return JSON.parse(this.pieces.join(''));
  }
}

const PIECE_CHARS = 1 << 20;

/** Gathers JSON text into pieces of about `PIECE_CHARS`. */
export class JsonTextBuilder {
  private readonly pieces: string[] = [];
  private piece = '';

  add(text: string): this {
    this.piece += text;
    if (this.piece.length >= PIECE_CHARS) {
      this.pieces.push(this.piece);
      this.piece = '';
    }
    return this;
  }

  /** A value, or the pieces of a body already written as text. */
  addValue(value: unknown): this {
    if (!(value instanceof JsonText)) return this.add(JSON.stringify(value));
    for (const piece of value.pieces) {
      if (piece.length < PIECE_CHARS / 2) this.add(piece);
      else {
        // Taken as it is: joining two large pieces would only copy them.
        if (this.piece) this.pieces.push(this.piece);
        this.piece = '';
        this.pieces.push(piece);
      }
    }
    return this;
  }

  done(): JsonText {
    if (this.piece) this.pieces.push(this.piece);
    this.piece = '';
    return new JsonText(this.pieces);
  }
}
