// The diagnostic printer on its own: excerpts (tabs, UTF-8, multi-line spans),
// layout of notes and related locations, colour, and the JSON form.

import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.ts';
import { renderDiagnostic, renderJson, wantColor } from '../compiler/diagnostics/render.ts';
import { registerSource, SourceFile } from '../compiler/diagnostics/source.ts';

let serial = 0;
/** Registers `text` as a file and returns a span maker over it: `at('needle')`, or offsets. */
function file(text: string) {
  const path = `render-${serial++}.ml`;
  // files are read as latin1, so the UTF-8 bytes of the text are what the compiler sees
  registerSource(new SourceFile(path, Buffer.from(text, 'utf8').toString('latin1')));
  const bytes = Buffer.from(text, 'utf8').toString('latin1');
  /** The span of the first `needle`, or of its first `length` bytes. */
  const at = (needle: string, length?: number) => {
    const n = Buffer.from(needle, 'utf8').toString('latin1');
    const start = bytes.indexOf(n);
    if (start < 0) throw new Error(`no ${needle}`);
    return { file: path, start, end: start + (length ?? n.length) };
  };
  return { path, at, bytes };
}

const plain = { color: false };

describe('rendering a diagnostic', () => {
  it('prints the location, the line with a gutter, an underline and the message', () => {
    const f = file('let x = 1\nlet y = x + "a"\n');
    const d: Diagnostic = { severity: 'error', phase: 'type', span: f.at('"a"'), message: 'This expression has type string' };
    expect(renderDiagnostic(d, plain)).toBe(
      [
        `File "${f.path}", line 2, characters 12-15:`,
        '2 | let y = x + "a"',
        '                ^^^',
        'Error: This expression has type string',
      ].join('\n'),
    );
  });

  it('keeps the underline under the text when the line has tabs', () => {
    const f = file('let f x =\n\tif x then\t1\n');
    const d: Diagnostic = { severity: 'error', phase: 'type', span: f.at('1\n', 1), message: 'm' };
    const [, line, marker] = renderDiagnostic(d, plain).split('\n');
    expect(line).toBe('2 |         if x then       1');
    expect(marker!.indexOf('^')).toBe(line!.indexOf('1'));
    expect(renderDiagnostic(d, plain).split('\n')[0]).toBe(`File "${f.path}", line 2, characters 11-12:`);
  });

  it('counts a UTF-8 character as one column in the underline, and as its bytes in the header', () => {
    const f = file('let s = "héllo" ^ 1\n');
    const d: Diagnostic = { severity: 'error', phase: 'type', span: f.at('1'), message: 'm' };
    const [head, line, marker] = renderDiagnostic(d, plain).split('\n');
    expect(head).toBe(`File "${f.path}", line 1, characters 19-20:`);
    expect(marker!.indexOf('^')).toBe(line!.lastIndexOf('1'));
  });

  it('shows every line of a short multi-line span, underlining its first and last', () => {
    const f = file('module M = struct\n  let x = 1\nend\n');
    const span = { ...f.at('struct'), end: f.at('end\n').start + 3 };
    const out = renderDiagnostic({ severity: 'error', phase: 'module', span, message: 'm' }, plain).split('\n');
    expect(out).toEqual([
      `File "${f.path}", lines 1-3, characters 11-33:`,
      '1 | module M = struct',
      '               ^^^^^^',
      '2 |   let x = 1',
      '3 | end',
      '    ^^^',
      'Error: m',
    ]);
  });

  it('elides the middle of a long span, with a gutter as wide as the largest line number', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `  let v${i} = ${i}`);
    const f = file(['module M = struct', ...lines, 'end', ''].join('\n'));
    const span = { ...f.at('struct'), end: f.at('end\n').start + 3 };
    const out = renderDiagnostic({ severity: 'error', phase: 'module', span, message: 'm' }, plain).split('\n');
    expect(out.slice(1, -1)).toEqual([
      ' 1 | module M = struct',
      '                ^^^^^^',
      ' 2 |   let v0 = 0',
      '   | ...',
      '13 |   let v11 = 11',
      '14 | end',
      '     ^^^',
    ]);
  });

  it('indents further lines of the message and notes under the message, and shows related places in full', () => {
    const f = file('let x = (1 + 2\nlet y = 3\n');
    const d: Diagnostic = {
      severity: 'error',
      phase: 'parse',
      span: f.at('let y', 3),
      message: "Syntax error: ')' expected",
      notes: ['A hint.'],
      related: [{ span: f.at('('), message: "This '(' might be unmatched" }],
    };
    expect(renderDiagnostic(d, plain)).toBe(
      [
        `File "${f.path}", line 2, characters 0-3:`,
        '2 | let y = 3',
        '    ^^^',
        "Error: Syntax error: ')' expected",
        '       A hint.',
        `File "${f.path}", line 1, characters 8-9:`,
        '1 | let x = (1 + 2',
        '            ^',
        "  This '(' might be unmatched",
      ].join('\n'),
    );
  });

  it('labels a warning with its number and name, and starts its further lines at the margin, as OCaml 4.13', () => {
    const f = file('let f = function 0 -> 1\n');
    const d: Diagnostic = {
      severity: 'warning', warning: 8, phase: 'pattern', span: f.at('function 0 -> 1'),
      message: 'this pattern-matching is not exhaustive.\nHere is an example of a case that is not matched:\n1',
      notes: ['A hint.'],
    };
    expect(renderDiagnostic(d, plain).split('\n').slice(3)).toEqual([
      'Warning 8 [partial-match]: this pattern-matching is not exhaustive.',
      'Here is an example of a case that is not matched:',
      '1',
      'A hint.',
    ]);
  });

  it('prints a diagnostic without a location as its message alone', () => {
    const d: Diagnostic = { severity: 'error', phase: 'module', span: null, message: 'Circular dependency', notes: ['Break it.'] };
    expect(renderDiagnostic(d, plain)).toBe('Error: Circular dependency\n       Break it.');
  });

  it('colours only when asked', () => {
    const f = file('let x = y\n');
    const d: Diagnostic = { severity: 'error', phase: 'type', span: f.at('y'), message: 'Unbound value y' };
    expect(renderDiagnostic(d, plain)).not.toContain('\x1b[');
    expect(renderDiagnostic(d, { color: true })).toContain('\x1b[1;31mError\x1b[0m');
  });
});

describe('when to colour', () => {
  it('colours a terminal, unless NO_COLOR is set or TERM is dumb', () => {
    expect(wantColor({ isTTY: true }, {})).toBe(true);
    expect(wantColor({ isTTY: false }, {})).toBe(false);
    expect(wantColor({}, {})).toBe(false);
    expect(wantColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(wantColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('the JSON form', () => {
  it('is one line per diagnostic, with the whole message, notes, related places and offsets', () => {
    const f = file('let f x =\n  if x then 1\n');
    const d: Diagnostic = {
      severity: 'error',
      phase: 'type',
      span: f.at('1\n', 1),
      message: 'This expression has type int but an expression was expected of type\n  unit',
      notes: ['because it is in the result of a conditional with no else branch'],
      related: [{ span: f.at('if'), message: 'this `if`' }],
    };
    const text = renderJson(d);
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual({
      severity: 'error',
      warning: null,
      phase: 'type',
      file: f.path,
      line: 2,
      column: 12,
      endLine: 2,
      endColumn: 13,
      startOffset: 22,
      endOffset: 23,
      message: 'This expression has type int but an expression was expected of type\n  unit',
      notes: ['because it is in the result of a conditional with no else branch'],
      related: [
        { file: f.path, line: 2, column: 2, endLine: 2, endColumn: 4, startOffset: 12, endOffset: 14, message: 'this `if`' },
      ],
    });
  });

  it('carries the whole message, its lines as the checker laid them out, and only mlc\'s remarks as notes', () => {
    const d: Diagnostic = {
      severity: 'error', phase: 'module', span: null,
      message: 'Signature mismatch:\nModules do not match:\n  sig val x : int end\nis not included in\n  S',
      notes: ['The types differ.'],
    };
    const j = JSON.parse(renderJson(d));
    expect(j.message).toBe(d.message);
    expect(j.notes).toEqual(['The types differ.']);
  });

  it('gives a warning its number, and a diagnostic without a location null fields', () => {
    const j = JSON.parse(renderJson({ severity: 'warning', warning: 11, phase: 'pattern', span: null, message: 'unused' }));
    expect(j).toMatchObject({ severity: 'warning', warning: 11, file: null, line: null, related: [], notes: [] });
  });
});
