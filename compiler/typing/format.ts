// A pretty-printing engine with the semantics of OCaml's `Format` module, so that
// printed signatures and error messages break lines exactly where OCaml's do.
//
// The algorithm is Oppen's: tokens are queued, and the size of a box or break
// (the length up to the next break of the same box, or to the box's end) is
// learnt when that next break or end arrives; a token is laid out once its size
// is known or once the pending text no longer fits the line. Margin 78, maximum
// indentation 68, as `Format`'s defaults.

export type BoxKind = 'h' | 'v' | 'hv' | 'hov' | 'b';

type Token =
  | { kind: 'text'; s: string }
  | { kind: 'break'; width: number; offset: number }
  | { kind: 'open'; indent: number; box: BoxKind }
  | { kind: 'close' };

interface QueueElem {
  size: number; // negative: not yet known
  token: Token;
  length: number;
}

interface ScanElem {
  leftTotal: number;
  elem: QueueElem;
}

const INFINITY = 1_000_000_010;

export class Formatter {
  private readonly margin: number;
  private readonly maxIndent: number;
  private spaceLeft: number;
  private currentIndent = 0;
  private isNewLine = true;
  private leftTotal = 1;
  private rightTotal = 1;
  private depth = 0;
  private queue: QueueElem[] = [];
  private qhead = 0;
  private scanStack: ScanElem[] = [];
  private formatStack: { box: BoxKind | 'fits'; width: number }[] = [];
  private out: string[] = [];

  constructor(margin = 78, minSpaceLeft = 10) {
    this.margin = margin;
    this.maxIndent = margin - minSpaceLeft;
    this.spaceLeft = margin;
    this.initScanStack();
    this.openBox(0, 'hov');
  }

  private initScanStack(): void {
    this.scanStack = [{ leftTotal: -1, elem: { size: -1, token: { kind: 'text', s: '' }, length: 0 } }];
  }

  private enqueue(e: QueueElem): void {
    this.rightTotal += e.length;
    this.queue.push(e);
  }

  private setSize(isBreak: boolean): void {
    const top = this.scanStack[this.scanStack.length - 1];
    if (!top) return;
    if (top.leftTotal < this.leftTotal) {
      this.initScanStack();
      return;
    }
    const t = top.elem.token.kind;
    if (t === 'break' && isBreak) {
      top.elem.size = this.rightTotal + top.elem.size;
      this.scanStack.pop();
    } else if (t === 'open' && !isBreak) {
      top.elem.size = this.rightTotal + top.elem.size;
      this.scanStack.pop();
    }
  }

  private scanPush(isBreak: boolean, e: QueueElem): void {
    this.enqueue(e);
    if (isBreak) this.setSize(true);
    this.scanStack.push({ leftTotal: this.rightTotal, elem: e });
  }

  private advance(): void {
    while (this.qhead < this.queue.length) {
      const e = this.queue[this.qhead]!;
      const pending = this.rightTotal - this.leftTotal;
      if (!(e.size >= 0 || pending >= this.spaceLeft)) return;
      this.qhead++;
      this.formatToken(e.size >= 0 ? e.size : INFINITY, e.token);
      this.leftTotal += e.length;
    }
    this.queue = [];
    this.qhead = 0;
  }

  private newLine(offset: number, width: number): void {
    this.out.push('\n');
    this.isNewLine = true;
    const indent = Math.min(this.maxIndent, this.margin - width + offset);
    this.currentIndent = indent;
    this.spaceLeft = this.margin - indent;
    this.out.push(' '.repeat(indent));
  }

  private sameLine(width: number): void {
    this.spaceLeft -= width;
    this.out.push(' '.repeat(width));
  }

  private formatToken(size: number, tok: Token): void {
    switch (tok.kind) {
      case 'text':
        this.spaceLeft -= size;
        this.out.push(tok.s);
        this.isNewLine = false;
        return;
      case 'open': {
        const insertion = this.margin - this.spaceLeft;
        if (insertion > this.maxIndent) {
          const top = this.formatStack[this.formatStack.length - 1];
          if (top && top.width > this.spaceLeft && top.box !== 'fits' && top.box !== 'h') {
            this.newLine(0, top.width);
          }
        }
        const width = this.spaceLeft - tok.indent;
        const box = tok.box === 'v' ? 'v' : size > this.spaceLeft ? tok.box : 'fits';
        this.formatStack.push({ box, width });
        return;
      }
      case 'close':
        this.formatStack.pop();
        return;
      case 'break': {
        const top = this.formatStack[this.formatStack.length - 1];
        if (!top) return;
        switch (top.box) {
          case 'hov':
            if (size > this.spaceLeft) this.newLine(tok.offset, top.width);
            else this.sameLine(tok.width);
            return;
          case 'b':
            if (this.isNewLine) this.sameLine(tok.width);
            else if (size > this.spaceLeft) this.newLine(tok.offset, top.width);
            else if (this.currentIndent > this.margin - top.width + tok.offset) this.newLine(tok.offset, top.width);
            else this.sameLine(tok.width);
            return;
          case 'hv':
          case 'v':
            this.newLine(tok.offset, top.width);
            return;
          case 'fits':
          case 'h':
            this.sameLine(tok.width);
            return;
        }
      }
    }
  }

  text(s: string): this {
    this.enqueue({ size: s.length, token: { kind: 'text', s }, length: s.length });
    this.advance();
    return this;
  }

  brk(width = 1, offset = 0): this {
    this.scanPush(true, { size: -this.rightTotal, token: { kind: 'break', width, offset }, length: width });
    return this;
  }

  /** `@ ` */
  space(): this {
    return this.brk(1, 0);
  }
  /** `@,` */
  cut(): this {
    return this.brk(0, 0);
  }

  openBox(indent: number, box: BoxKind = 'b'): this {
    this.depth++;
    this.scanPush(false, { size: -this.rightTotal, token: { kind: 'open', indent, box }, length: 0 });
    return this;
  }

  close(): this {
    if (this.depth > 1) {
      this.enqueue({ size: 0, token: { kind: 'close' }, length: 0 });
      this.setSize(true);
      this.setSize(false);
      this.depth--;
    }
    return this;
  }

  /** Flushes everything and returns the text (trailing spaces removed from each line). */
  finish(): string {
    while (this.depth > 1) this.close();
    this.rightTotal = INFINITY;
    this.advance();
    return this.out
      .join('')
      .split('\n')
      .map((l) => l.replace(/ +$/, ''))
      .join('\n');
  }
}
