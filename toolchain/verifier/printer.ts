// Pretty-printer for expressions and types (fully parenthesised): used by the round-trip
// property test and for messages.

import type { Block, Expr, Pat, Stmt, TypeExpr } from './ast';

export function printType(t: TypeExpr): string {
  switch (t.k) {
    case 'path': return t.segs.join('::') + (t.args.length ? `<${t.args.map(printType).join(', ')}>` : '');
    case 'ref': return `&${t.mut ? 'mut ' : ''}${printType(t.inner)}`;
    case 'array': return `[${printType(t.elem)}; ${printExpr(t.len)}]`;
    case 'slice': return `[${printType(t.elem)}]`;
    case 'tuple': return `(${t.elems.map(printType).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
    case 'infer': return '_';
    case 'never': return '!';
    case 'ptr': return `*${t.mut ? 'mut' : 'const'} ${printType(t.inner)}`;
    case 'fn': return `spec_fn(${t.params.map(printType).join(', ')}) -> ${printType(t.ret)}`;
    case 'impl': return `impl ${t.bounds.map((b) => b.name).join(' + ')}`;
    case 'proofFn': {
      const mode = (tracked: boolean | undefined) => (tracked ? 'tracked ' : '');
      return `proof_fn${t.marker ? `<${t.marker}>` : ''}${t.flags.length ? `[${t.flags.join(', ')}]` : ''}(${t.params.map((p, i) => mode(t.tracked?.params[i]) + printType(p)).join(', ')}) -> ${mode(t.tracked?.ret)}${printType(t.ret)}`;
    }
  }
}

export function printPat(p: Pat): string {
  switch (p.k) {
    case 'wild': return '_';
    case 'bind': return (p.ref ? 'ref ' : '') + (p.mut ? 'mut ' : '') + p.name + (p.sub ? ` @ ${p.sub.k === 'or' ? `(${printPat(p.sub)})` : printPat(p.sub)}` : '');
    case 'lit': return printExpr(p.value);
    case 'range': return `${p.lo ? printExpr(p.lo) : ''}${p.inclusive ? '..=' : '..'}${p.hi ? printExpr(p.hi) : ''}`;
    case 'or': return p.alts.map(printPat).join(' | ');
    case 'tuple': return `(${withRest(p.elems.map(printPat), p.restAt).join(', ')}${p.elems.length === 1 && p.restAt === undefined ? ',' : ''})`;
    case 'variant':
      if (p.args) return `${p.path.join('::')}(${withRest(p.args.map(printPat), p.restAt).join(', ')})`;
      if (p.fields) return `${p.path.join('::')} { ${p.fields.map((f) => `${f.name}: ${printPat(f.pat)}`).join(', ')}${p.rest ? ', ..' : ''} }`;
      return p.path.join('::');
  }
}

/** Printed patterns with `..` at `restAt`. */
function withRest(parts: string[], restAt: number | undefined): string[] {
  return restAt === undefined ? parts : [...parts.slice(0, restAt), '..', ...parts.slice(restAt)];
}

export function printBlock(b: Block): string {
  return `{ ${b.stmts.map(printStmt).join(' ')} }`;
}

export function printStmt(s: Stmt): string {
  switch (s.k) {
    case 'let': return `let ${s.ghost ? 'ghost ' : ''}${printPat(s.pat)}${s.ty ? `: ${printType(s.ty)}` : ''}${s.init ? ` = ${printExpr(s.init)}` : ''};`;
    case 'expr': {
      // a statement that starts with `if` / `match` ends with it: print those bare, so that a
      // following statement is not read as a call or an operator on them
      const text = printExpr(s.e);
      const bare = (s.e.k === 'if' || s.e.k === 'match') && text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
      return bare + (s.semi ? ';' : '');
    }
    case 'assume': return `assume(${printExpr(s.e)});`;
    case 'assert': return `assert(${printExpr(s.e)});`;
    case 'proof': return `proof ${printBlock(s.block)}`;
    default: return `/* ${s.k} */`;
  }
}

export function printExpr(e: Expr): string {
  switch (e.k) {
    case 'int': return e.value.toString() + e.suffix;
    case 'bool': return String(e.value);
    case 'char': return `'\\u{${e.value.toString(16)}}'`;
    case 'real': return e.den === 1n ? `${e.num}real` : `(${e.num}real / ${e.den}real)`;
    case 'str': return JSON.stringify(e.value);
    case 'try': return `${printExpr(e.e)}?`;
    case 'bytes': return `b"${e.value.map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}"`;
    case 'path': return e.segs.join('::');
    case 'unary': return `(${e.op === '&mut' ? '&mut ' : e.op}${printExpr(e.e)})`;
    case 'binary': return `(${printExpr(e.l)} ${e.op} ${printExpr(e.r)})`;
    case 'chain': return `(${e.operands.map((o, i) => (i ? `${e.ops[i - 1]} ` : '') + printExpr(o)).join(' ')})`;
    case 'bullets': return `(${e.items.map((x) => `${e.op === '&&' ? '&&&' : '|||'} ${printExpr(x)}`).join(' ')})`;
    case 'call': return `${printExpr(e.callee)}(${e.args.map(printExpr).join(', ')})`;
    case 'method': {
      if (e.name.startsWith('$is:')) return `(${printExpr(e.recv)} is ${e.name.slice(4)})`;
      if (e.name.startsWith('$arrow:')) return `${printExpr(e.recv)}->${e.name.slice(7)}`;
      return `${printExpr(e.recv)}.${e.name}(${e.args.map(printExpr).join(', ')})`;
    }
    case 'field': return `${printExpr(e.recv)}.${e.name}`;
    case 'index': return `${printExpr(e.recv)}[${printExpr(e.idx)}]`;
    case 'view': return `${printExpr(e.e)}@`;
    case 'cast': return `(${printExpr(e.e)} as ${printType(e.ty)})`;
    case 'if': return `(if ${printExpr(e.cond)} ${printBlock(e.then)}${e.els ? ` else ${printExpr(e.els)}` : ''})`;
    case 'match': return `(match ${printExpr(e.scrut)} { ${e.arms.map((a) => `${printPat(a.pat)} => ${printExpr(a.body)}`).join(', ')} })`;
    case 'block': return printBlock(e.block);
    case 'closure': return `(|${e.params.map((p) => `${p.name}: ${printType(p.ty)}`).join(', ')}| ${printExpr(e.body)})`;
    case 'quant': return `(${e.q}|${e.params.map((p) => `${p.name}: ${printType(p.ty)}`).join(', ')}| ${printExpr(e.body)})`;
    case 'struct': return `${e.path.join('::')} { ${e.fields.map((f) => `${f.name}: ${printExpr(f.e)}`).join(', ')} }`;
    case 'tuple': return `(${e.elems.map(printExpr).join(', ')}${e.elems.length === 1 ? ',' : ''})`;
    case 'array': return `[${e.elems.map(printExpr).join(', ')}]`;
    case 'array-rep': return `[${printExpr(e.elem)}; ${printExpr(e.len)}]`;
    case 'macro': return `${e.name}![${e.args.map(printExpr).join(', ')}]`;
    case 'trigger': return `(#[trigger] ${printExpr(e.e)})`;
    case 'return': return e.e ? `return ${printExpr(e.e)}` : 'return';
    case 'break': return 'break';
    case 'continue': return 'continue';
    case 'while': return `while ${printExpr(e.cond)} { .. }`;
    case 'loop': return 'loop { .. }';
    case 'assign': return `${printExpr(e.lhs)} ${e.op} ${printExpr(e.rhs)}`;
    case 'range': return `${e.lo ? printExpr(e.lo) : ''}${e.inclusive ? '..=' : '..'}${e.hi ? printExpr(e.hi) : ''}`;
    case 'unsupported': return `/* unsupported ${e.what} */`;
  }
}
