// Source files and positions. Spans are byte offsets; this module turns them into
// the line/column forms diagnostics print. OCaml counts `characters A-B` from the
// start of the line, in bytes, 0-based; we do the same.

export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly lineStarts: number[];

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and 0-based column of an offset. */
  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo]! };
  }

  /** The text of a 1-based line, without its newline. */
  line(n: number): string {
    const start = this.lineStarts[n - 1] ?? this.text.length;
    const next = this.lineStarts[n];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end);
  }
}

/** Files are registered once so that any span can find its text for printing. */
const registry = new Map<string, SourceFile>();

export function registerSource(file: SourceFile): void {
  registry.set(file.path, file);
}

export function sourceOf(path: string): SourceFile | undefined {
  return registry.get(path);
}
