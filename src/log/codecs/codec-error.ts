/** Compressed data a decompressor cannot read (the caller names the topic, partition and offset). */
export class CodecError extends Error {
  constructor(readonly codec: string, detail: string) {
    super(`${codec} data is malformed: ${detail}`);
    this.name = 'CodecError';
  }
}
