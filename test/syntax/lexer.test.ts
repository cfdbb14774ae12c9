import { describe, expect, it } from 'vitest';
import { tokenize } from '../../compiler/syntax/lexer.ts';
import type { Token } from '../../compiler/syntax/tokens.ts';
import { CompileError } from '../../compiler/diagnostics/diagnostic.ts';
import { src } from './show.ts';

function toks(text: string): Token[] {
  const ts = tokenize(src(text));
  expect(ts[ts.length - 1]!.kind).toBe('eof');
  return ts.slice(0, -1);
}

/** `kind:text` for every token. */
function kinds(text: string): string[] {
  return toks(text).map((t) => `${t.kind}:${t.text}`);
}

function str(text: string): string {
  const ts = toks(text);
  expect(ts.length).toBe(1);
  expect(ts[0]!.kind).toBe('string');
  return String.fromCharCode(...ts[0]!.bytes!);
}

function chr(text: string): number {
  const ts = toks(text);
  expect(ts.length).toBe(1);
  expect(ts[0]!.kind).toBe('char');
  return ts[0]!.num!;
}

function lexError(text: string): { message: string; start: number; end: number } {
  try {
    tokenize(src(text));
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const d = e.diagnostics[0]!;
    expect(d.phase).toBe('lex');
    return { message: d.message, start: d.span!.start, end: d.span!.end };
  }
  throw new Error('expected a lexical error');
}

describe('string literals', () => {
  it('decodes simple escapes', () => {
    expect(str(String.raw`"a\nb\tc\rd\be"`)).toBe('a\nb\tc\rd\be');
    expect(str(String.raw`"\\ \" \' \ x"`)).toBe('\\ " \'  x');
  });
  it('decodes numeric escapes', () => {
    expect(str(String.raw`"\065\066\067"`)).toBe('ABC');
    expect(str(String.raw`"\x41\x6f\x6F"`)).toBe('Aoo');
    expect(str(String.raw`"\o101\o377"`)).toBe('A\xff');
    expect(str(String.raw`"\000\255"`)).toBe('\x00\xff');
    expect(str(String.raw`"\0651 \x411"`)).toBe('A1 A1');
    expect(str(String.raw`"\u{e9}"`)).toBe('\xc3\xa9'); // UTF-8 bytes
  });
  it('keeps bytes above 127 as single bytes', () => {
    expect(toks('"\xe9"')[0]!.bytes).toEqual(Uint8Array.of(0xe9));
  });
  it('skips a backslash-newline and the next line\'s leading blanks', () => {
    expect(str('"abc\\\n     \tdef"')).toBe('abcdef');
    expect(str('"abc\\\r\n  def"')).toBe('abcdef');
    expect(str('"a\\\n  \\ b"')).toBe('a b');
  });
  it('keeps newlines and unknown escapes verbatim (as OCaml does)', () => {
    expect(str('"a\nb"')).toBe('a\nb');
    expect(str(String.raw`"\q"`)).toBe('\\q');
  });
  it('keeps the source spelling', () => {
    expect(toks(String.raw`"a\n"`)[0]!.text).toBe(String.raw`"a\n"`);
  });
  it('reads quoted strings', () => {
    expect(str('{|a\\n"b|}')).toBe('a\\n"b');
    expect(str('{foo|x|}y|foo}')).toBe('x|}y');
    expect(str('{_x|a|_x}')).toBe('a');
    expect(kinds('{ x }')).toEqual(['sym:{', 'lident:x', 'sym:}']);
  });
  it('reports an unterminated string at its start', () => {
    expect(lexError('let s = "abc')).toEqual({ message: 'String literal not terminated', start: 8, end: 9 });
    expect(lexError('x {|abc|')).toMatchObject({ message: 'String literal not terminated', start: 2 });
  });
  it('rejects out-of-range decimal escapes', () => {
    expect(lexError(String.raw`"\256"`).message).toMatch(/Illegal backslash escape.*\\256/);
  });
});

describe('char literals and type variables', () => {
  it('reads chars', () => {
    expect(chr("'a'")).toBe(97);
    expect(chr("'\\n'")).toBe(10);
    expect(chr("'\\065'")).toBe(65);
    expect(chr("'\\x41'")).toBe(65);
    expect(chr("'\\''")).toBe(39);
    expect(chr("'\\\\'")).toBe(92);
    expect(chr("'\"'")).toBe(34);
    expect(chr("' '")).toBe(32);
    expect(chr("'\\o101'")).toBe(65);
  });
  it('tells type variables from chars', () => {
    expect(kinds("'a list")).toEqual(["tyvar:'a", 'lident:list']);
    expect(toks("'abc")[0]!.name).toBe('abc');
    expect(kinds("('a, 'b) t")).toEqual(['sym:(', "tyvar:'a", 'sym:,', "tyvar:'b", 'sym:)', 'lident:t']);
    expect(kinds("'a'")).toEqual(["char:'a'"]);
    expect(kinds("'a -> 'b")).toEqual(["tyvar:'a", 'sym:->', "tyvar:'b"]);
  });
  it('rejects illegal char escapes', () => {
    expect(lexError("'\\q'").message).toMatch(/Illegal backslash escape/);
  });
});

describe('comments', () => {
  it('nests', () => {
    expect(kinds('a (* b (* c *) d *) e')).toEqual(['lident:a', 'lident:e']);
  });
  it('skips string literals inside comments', () => {
    expect(kinds('a (* "*)" *) b')).toEqual(['lident:a', 'lident:b']);
    expect(kinds('a (* {|*)|} *) b')).toEqual(['lident:a', 'lident:b']);
    expect(kinds('a (* \'"\' *) b')).toEqual(['lident:a', 'lident:b']);
    expect(kinds("a (* don't *) b")).toEqual(['lident:a', 'lident:b']);
  });
  it('reports an unterminated comment at its start', () => {
    expect(lexError('x (* abc')).toEqual({ message: 'Comment not terminated', start: 2, end: 4 });
    expect(lexError('x (* a (* b *)')).toMatchObject({ message: 'Comment not terminated', start: 2 });
    expect(lexError('(* "abc *)').message).toBe('This comment contains an unterminated string literal');
  });
  it('does not take ( * ) for a comment', () => {
    expect(kinds('( * )')).toEqual(['sym:(', 'sym:*', 'sym:)']);
  });
});

describe('numbers', () => {
  const int = (t: string) => toks(t)[0]!.int;
  const flt = (t: string) => {
    const ts = toks(t);
    expect(ts.length).toBe(1);
    expect(ts[0]!.kind).toBe('float');
    return ts[0]!.num;
  };
  it('reads integers in every base, with underscores', () => {
    expect(int('42')).toBe(42n);
    expect(int('1_000_000')).toBe(1000000n);
    expect(int('0xFF')).toBe(255n);
    expect(int('0Xff_ff')).toBe(65535n);
    expect(int('0o777')).toBe(511n);
    expect(int('0b101010')).toBe(42n);
    expect(int('4611686018427387904')).toBe(4611686018427387904n); // range-checked by the parser
    expect(toks('0x10')[0]!.radix).toBe(16);
  });
  it('reads floats', () => {
    expect(flt('1.')).toBe(1);
    expect(flt('1.5')).toBe(1.5);
    expect(flt('1e10')).toBe(1e10);
    expect(flt('1.5e-3')).toBe(1.5e-3);
    expect(flt('2E+2')).toBe(200);
    expect(flt('1_000.5')).toBe(1000.5);
    expect(flt('0x1p4')).toBe(16);
    expect(flt('0x1.8p3')).toBe(12);
    expect(flt('0xA.')).toBe(10);
    expect(flt('0x0.8')).toBe(0.5);
    expect(lexError('0x.8').message).toBe('Invalid literal 0x.8');
  });
  it('does not read a range as a float', () => {
    expect(kinds("1..2")).toEqual(['int:1', 'sym:..', 'int:2']);
  });
  it('rejects literal suffixes and junk', () => {
    expect(lexError('let x = 12L').message).toBe("Integer literal suffix 'L' (int64) is not supported by mlc");
    expect(lexError('12l').message).toMatch(/int32/);
    expect(lexError('12n').message).toMatch(/nativeint/);
    expect(lexError('12abc')).toEqual({ message: 'Invalid literal 12abc', start: 0, end: 5 });
  });
});

describe('identifiers, keywords, labels', () => {
  it('classifies words', () => {
    expect(kinds("x _y Foo x' _ let class")).toEqual([
      'lident:x', 'lident:_y', 'uident:Foo', "lident:x'", 'sym:_', 'kw:let', 'kw:class',
    ]);
  });
  it('reads labels', () => {
    const ts = toks('f ~x ~y:1 ?z ?w:2');
    expect(ts.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'lident:f', 'sym:~', 'lident:x', 'label:~y:', 'int:1', 'sym:?', 'lident:z', 'optlabel:?w:', 'int:2',
    ]);
    expect(ts[3]!.name).toBe('y');
    expect(ts[7]!.name).toBe('w');
  });
  it('reads binding operators', () => {
    expect(kinds('let* x = a and+ y = b in let x')).toEqual([
      'sym:let*', 'lident:x', 'sym:=', 'lident:a', 'sym:and+', 'lident:y', 'sym:=', 'lident:b', 'kw:in', 'kw:let', 'lident:x',
    ]);
  });
});

describe('operators', () => {
  it('munches operator characters maximally', () => {
    expect(kinds('a |> f >>= g <$> h ** i')).toEqual([
      'lident:a', 'sym:|>', 'lident:f', 'sym:>>=', 'lident:g', 'sym:<$>', 'lident:h', 'sym:**', 'lident:i',
    ]);
    expect(kinds('+. -. *. /. ** @@ ^^ := :: -> <- != == <> || &&')).toEqual(
      '+. -. *. /. ** @@ ^^ := :: -> <- != == <> || &&'.split(' ').map((s) => 'sym:' + s),
    );
  });
  it('reads prefix and hash operators', () => {
    expect(kinds('!r ~-x ?+ #> !=')).toEqual(['sym:!', 'lident:r', 'sym:~-', 'lident:x', 'sym:?+', 'sym:#>', 'sym:!=']);
  });
  it('reads punctuation', () => {
    expect(kinds('[| |] [ ] ; ;; .. . , : a.(i) s.[j]')).toEqual([
      'sym:[|', 'sym:|]', 'sym:[', 'sym:]', 'sym:;', 'sym:;;', 'sym:..', 'sym:.', 'sym:,', 'sym::',
      'lident:a', 'sym:.', 'sym:(', 'lident:i', 'sym:)', 'lident:s', 'sym:.', 'sym:[', 'lident:j', 'sym:]',
    ]);
    expect(kinds('[|1|]')).toEqual(['sym:[|', 'int:1', 'sym:|]']);
  });
  it('records spans as byte offsets', () => {
    const ts = toks('ab  "\xe9" cd');
    expect(ts.map((t) => [t.start, t.end])).toEqual([[0, 2], [4, 7], [8, 10]]);
  });
  it('rejects illegal characters', () => {
    expect(lexError('a \x01')).toMatchObject({ start: 2, message: 'Illegal character (\\001)' });
  });
});
