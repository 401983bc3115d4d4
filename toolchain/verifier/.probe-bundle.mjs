// scripts/probe-edit2.ts
import { readFileSync as readFileSync5, readdirSync as readdirSync3, statSync as statSync2 } from "node:fs";
import path6 from "node:path";
import { Session } from "node:inspector/promises";
import { writeFileSync as writeFileSync2 } from "node:fs";

// toolchain/verifier/index.ts
import { mkdirSync, writeFileSync } from "node:fs";
import * as path5 from "node:path";
import { availableParallelism } from "node:os";
import { setMaxListeners } from "node:events";

// toolchain/syntax/line-map.ts
var LineMap = class {
  constructor(text) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    const last = this.starts[this.starts.length - 1];
    this.lineCount = text.length === 0 ? 0 : last === text.length ? this.starts.length - 1 : this.starts.length;
  }
  text;
  starts = [0];
  /** Lines of the text; a final newline ends the last line, it does not open a new one. */
  lineCount;
  /** 1-based line of an offset. */
  lineOf(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  pos(offset) {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1] + 1 };
  }
  /** Like `pos`, but the end of a text with a final newline is the end of its last line. */
  position(offset) {
    const line = this.lineOf(offset);
    if (line > this.lineCount && this.lineCount > 0) return { line: this.lineCount, column: this.lineText(this.lineCount).length + 1 };
    return { line, column: offset - this.starts[line - 1] + 1 };
  }
  /** Text of 1-based line `line`, without its newline. */
  lineText(line) {
    const s2 = this.starts[line - 1] ?? this.text.length;
    const e = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return this.text.slice(s2, e);
  }
  span(sp) {
    return { start: this.pos(sp.start), end: this.pos(sp.end) };
  }
};

// toolchain/verifier/resolver.ts
var MARKER_TRAITS = /* @__PURE__ */ new Set(["Copy", "Clone", "Sized", "Send", "Sync", "Unpin"]);
var INT = { k: "int", kind: "int" };
var NAT = { k: "int", kind: "nat" };
var BOOL = { k: "bool" };
var UNIT = { k: "tuple", elems: [] };
var INT_KINDS = /* @__PURE__ */ new Set(["int", "nat", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"]);
function isIntKind(s2) {
  return INT_KINDS.has(s2);
}
function bits(k) {
  switch (k) {
    case "u8":
    case "i8":
      return 8;
    case "u16":
    case "i16":
      return 16;
    case "u32":
    case "i32":
      return 32;
    case "u64":
    case "i64":
    case "usize":
    case "isize":
      return 64;
    case "u128":
    case "i128":
      return 128;
    default:
      return 0;
  }
}
function signed(k) {
  return k.startsWith("i") && k !== "int";
}
function isMachine(k) {
  return k !== "int" && k !== "nat";
}
function intRange(k) {
  if (k === "int") return { min: null, max: null };
  if (k === "nat") return { min: 0n, max: null };
  const b = BigInt(bits(k));
  if (signed(k)) return { min: -(1n << b - 1n), max: (1n << b - 1n) - 1n };
  return { min: 0n, max: (1n << b) - 1n };
}
function tyStr(t) {
  switch (t.k) {
    case "int":
      return t.kind;
    case "bool":
      return "bool";
    case "struct":
    case "enum":
      return t.args.length ? `${t.name}<${t.args.map(tyStr).join(", ")}>` : t.name;
    case "seq":
      return `Seq<${tyStr(t.elem)}>`;
    case "array":
      return `[${tyStr(t.elem)}; ${t.len}]`;
    case "param":
      return t.name;
    case "cval":
      return String(t.n);
    case "set":
      return `Set<${tyStr(t.elem)}>`;
    case "map":
      return `Map<${tyStr(t.key)}, ${tyStr(t.val)}>`;
    case "tuple":
      return `(${t.elems.map(tyStr).join(", ")}${t.elems.length === 1 ? "," : ""})`;
  }
}
function tyKey(t) {
  switch (t.k) {
    case "struct":
    case "enum":
      return t.args.length ? `${t.name}<${t.args.map(tyKey).join(", ")}>` : t.name;
    case "seq":
      return `Seq<${tyKey(t.elem)}>`;
    case "array":
      return `[${tyKey(t.elem)}; ${typeof t.len === "string" ? "$" + t.len : t.len}]`;
    case "set":
      return `Set<${tyKey(t.elem)}>`;
    case "map":
      return `Map<${tyKey(t.key)}, ${tyKey(t.val)}>`;
    case "tuple":
      return `(${t.elems.map(tyKey).join(", ")}${t.elems.length === 1 ? "," : ""})`;
    case "param":
      return "$" + t.name;
    default:
      return tyStr(t);
  }
}
function tyEq(a, b) {
  return tyKey(a) === tyKey(b);
}
function substTy(t, env) {
  if (!env.size) return t;
  switch (t.k) {
    case "param":
      return env.get(t.name) ?? t;
    case "struct":
    case "enum":
      return t.args.length ? { k: t.k, name: t.name, args: t.args.map((a) => substTy(a, env)) } : t;
    case "seq":
    case "set":
      return { k: t.k, elem: substTy(t.elem, env) };
    case "map":
      return { k: "map", key: substTy(t.key, env), val: substTy(t.val, env) };
    case "tuple":
      return { k: "tuple", elems: t.elems.map((e) => substTy(e, env)) };
    case "array": {
      let len = t.len;
      if (typeof len === "string") {
        const v = env.get(len);
        if (v?.k === "cval") len = Number(v.n);
        else if (v?.k === "param") len = v.name;
      }
      return { k: "array", elem: substTy(t.elem, env), len };
    }
    default:
      return t;
  }
}
function isWrappedMutRef(p) {
  const inner = p.unwrap === "Tracked" && p.ty.k === "path" ? p.ty.args[0] : void 0;
  return inner?.k === "ref" && inner.mut;
}
function isMutRefParam(p) {
  return p.ty.k === "ref" && p.ty.mut || isWrappedMutRef(p);
}
function genericEnv(item, args) {
  const env = /* @__PURE__ */ new Map();
  item.generics.forEach((g, i) => {
    const a = args[i];
    if (a) env.set(g, a);
  });
  return env;
}
var ResolveError = class extends Error {
  constructor(message, sp, file) {
    super(message);
    this.sp = sp;
    this.file = file;
  }
  sp;
  file;
};
var UnsupportedType = class extends ResolveError {
};
var Crate = class {
  structs = /* @__PURE__ */ new Map();
  enums = /* @__PURE__ */ new Map();
  fns = /* @__PURE__ */ new Map();
  // by qname
  fnsByName = /* @__PURE__ */ new Map();
  // free fns by last name
  consts = /* @__PURE__ */ new Map();
  aliases = /* @__PURE__ */ new Map();
  /** `broadcast group`s by qualified name (`name` or `Type::name`) */
  broadcastGroups = /* @__PURE__ */ new Map();
  files;
  constructor(files2) {
    this.files = files2;
    for (const f of files2) for (const it of f.items) this.add(it, f.path);
  }
  add(it, file) {
    const push = (m, k, v) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    if (it.k === "struct") push(this.structs, it.name, { item: it, file });
    else if (it.k === "enum") push(this.enums, it.name, { item: it, file });
    else if (it.k === "const") push(this.consts, it.selfType ? `${it.selfType}::${it.name}` : it.name, { item: it, file });
    else if (it.k === "type") this.aliases.set(it.name, it.ty);
    else if (it.k === "broadcast-group") push(this.broadcastGroups, it.selfType ? `${it.selfType}::${it.name}` : it.name, { item: it, file });
    else if (it.k === "fn") {
      const qname = it.selfType ? `${it.selfType}::${it.name}` : it.name;
      const info = { item: it, file, qname, key: qname };
      push(this.fns, qname, info);
      if (!it.selfType) push(this.fnsByName, it.name, info);
    }
  }
  struct(name, sp) {
    const l = this.structs.get(name);
    if (!l) throw new ResolveError(`cannot find struct \`${name}\``, sp);
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${name}\`: defined ${l.length} times`, sp);
    return l[0].item;
  }
  enumItem(name) {
    const l = this.enums.get(name);
    if (!l) return null;
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${name}\`: defined ${l.length} times`, l[1].item.sp);
    return l[0].item;
  }
  fn(qname, sp) {
    const l = this.fns.get(qname);
    if (!l) return null;
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${qname}\`: defined ${l.length} times`, sp);
    return l[0];
  }
  constItem(name, sp) {
    const l = this.consts.get(name);
    if (!l) return null;
    if (l.length > 1) throw new ResolveError(`ambiguous name \`${name}\`: defined ${l.length} times`, sp);
    return l[0].item;
  }
  /**
   * Semantic type of a type expression in `scope`: a function (its generic parameters, the impl's
   * included, and `Self`), a datatype (its parameters; `Self` is the datatype at them), or just
   * the name `Self` stands for.
   */
  resolveType(t, scope, depth = 0) {
    if (depth > 30) throw new ResolveError("type alias cycle", t.sp);
    const sc = scopeInfo(scope);
    switch (t.k) {
      case "ref":
        return this.resolveType(t.inner, scope, depth + 1);
      case "array": {
        const n = this.constIntValue(t.len);
        if (n !== null) return { k: "array", elem: this.resolveType(t.elem, scope, depth + 1), len: Number(n) };
        const p = t.len.k === "path" && t.len.segs.length === 1 ? sc.params.get(t.len.segs[0]) : void 0;
        if (p?.kind === "const") return { k: "array", elem: this.resolveType(t.elem, scope, depth + 1), len: p.name };
        throw new ResolveError("array length must be an integer constant", t.len.sp);
      }
      case "slice":
        throw new ResolveError("slices are not supported (use a fixed-size array)", t.sp);
      case "tuple":
        return { k: "tuple", elems: t.elems.map((e) => this.resolveType(e, scope, depth + 1)) };
      case "infer":
        throw new ResolveError("type annotations needed", t.sp);
      case "ptr":
        throw new UnsupportedType(`raw pointer type \`*${t.mut ? "mut" : "const"} ..\``, t.sp);
      case "path": {
        let name = t.name;
        if (name === "Self") {
          if (!sc.selfType) throw new ResolveError("`Self` outside of an impl", t.sp);
          if (sc.self) return sc.self();
          if (sc.selfExpr) return this.resolveType(sc.selfExpr, scope, depth + 1);
          name = sc.selfType;
        }
        const param = t.segs.length === 1 ? sc.params.get(name) : void 0;
        if (param) {
          if (param.kind === "const") throw new ResolveError(`expected type, found const parameter \`${name}\``, t.sp);
          if (t.args.length) throw new ResolveError(`type parameter \`${name}\` takes no generic arguments`, t.sp);
          return { k: "param", name };
        }
        const arg = (i) => {
          const a = t.args[i];
          if (!a) throw new ResolveError(`\`${name}\` needs a type argument`, t.sp);
          return this.resolveType(a, scope, depth + 1);
        };
        if (isIntKind(name)) return { k: "int", kind: name };
        if (name === "bool") return BOOL;
        if (name === "Ghost" || name === "Tracked" || name === "Box") return arg(0);
        if (name === "Option") return { k: "enum", name: "Option", args: [arg(0)] };
        if (name === "Seq") return { k: "seq", elem: arg(0) };
        if (name === "Set") return { k: "set", elem: arg(0) };
        if (name === "Map") return { k: "map", key: arg(0), val: arg(1) };
        const alias = this.aliases.get(name);
        if (alias) return this.resolveType(alias, scope, depth + 1);
        if (this.structs.has(name)) {
          const s2 = this.struct(name, t.sp);
          return { k: "struct", name, args: this.genericArgs(s2, t, scope, depth) };
        }
        const e = this.enumItem(name);
        if (e) return { k: "enum", name, args: this.genericArgs(e, t, scope, depth) };
        throw new ResolveError(`cannot find type \`${name}\``, t.sp);
      }
    }
  }
  /** The generic arguments written for datatype `item` (`S<u64, 3>`), checked against its parameters. */
  genericArgs(item, t, scope, depth) {
    const ps = item.genericParams ?? item.generics.map((g) => ({ name: g, kind: "type", bounds: [], sp: item.sp }));
    if (t.args.length !== ps.length) {
      const what = item.k === "struct" ? "struct" : "enum";
      if (!t.args.length) throw new ResolveError(`missing generics for ${what} \`${item.name}\``, t.sp);
      throw new ResolveError(`${what} takes ${ps.length} generic argument${ps.length === 1 ? "" : "s"} but ${t.args.length} generic argument${t.args.length === 1 ? " was" : "s were"} supplied`, t.sp);
    }
    return ps.map((p, i) => p.kind === "const" ? this.constArg(t.args[i], scope) : this.typeArg(t.args[i], scope, depth));
  }
  /** A generic argument for a type parameter (a const parameter there is an error). */
  typeArg(a, scope, depth = 0) {
    if (a.k === "path" && /^[0-9]/.test(a.name)) throw new ResolveError(`expected type, found \`${a.name}\``, a.sp);
    return this.resolveType(a, scope, depth + 1);
  }
  /** A generic argument for a const parameter: a literal, a constant, or a const parameter in scope. */
  constArg(a, scope) {
    if (a.k === "path" && a.segs.length === 1) {
      if (/^[0-9]/.test(a.name)) {
        const n = parseIntLiteral(a.name);
        if (n !== null) return { k: "cval", n };
      }
      const p = scopeInfo(scope).params.get(a.name);
      if (p?.kind === "const") return { k: "param", name: p.name };
      if (p) throw new ResolveError(`expected a constant value, found type parameter \`${a.name}\``, a.sp);
      const c = this.constItem(a.name, a.sp);
      const v = c ? this.constIntValue(c.value) : null;
      if (v !== null) return { k: "cval", n: v };
    }
    throw new ResolveError("expected a constant value (a literal, a constant or a const parameter) as const generic argument", a.sp);
  }
  /** Integer value of a constant expression (literals, consts, + - * / << of constants). */
  constIntValue(e, depth = 0) {
    if (depth > 50) return null;
    switch (e.k) {
      case "int":
        return e.value;
      case "path": {
        const c = this.constItem(e.segs.length > 1 && /^[A-Z]/.test(e.segs[e.segs.length - 2]) ? e.segs.slice(-2).join("::") : e.segs[e.segs.length - 1], e.sp);
        return c ? this.constIntValue(c.value, depth + 1) : null;
      }
      case "cast":
        return this.constIntValue(e.e, depth + 1);
      case "unary": {
        const v = this.constIntValue(e.e, depth + 1);
        return v === null ? null : e.op === "-" ? -v : null;
      }
      case "binary": {
        const a = this.constIntValue(e.l, depth + 1);
        const b = this.constIntValue(e.r, depth + 1);
        if (a === null || b === null) return null;
        switch (e.op) {
          case "+":
            return a + b;
          case "-":
            return a - b;
          case "*":
            return a * b;
          case "/":
            return b === 0n ? null : a / b;
          case "%":
            return b === 0n ? null : a % b;
          case "<<":
            return b < 0n || b > 127n ? null : a << b;
          case ">>":
            return b < 0n ? null : a >> b;
          case "&":
            return a & b;
          case "|":
            return a | b;
          default:
            return null;
        }
      }
      default:
        return null;
    }
  }
};
function parseIntLiteral(text) {
  const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)([iu](8|16|32|64|128|size))?$/.exec(text);
  if (!m) return null;
  try {
    return BigInt(m[1].replace(/_/g, ""));
  } catch {
    return null;
  }
}
function scopeInfo(scope) {
  if (scope === null || typeof scope === "string") return { selfType: scope, params: /* @__PURE__ */ new Map() };
  const ps = scope.genericParams ?? scope.generics.map((g) => ({ name: g, kind: "type", bounds: [], sp: scope.sp }));
  const params = new Map(ps.map((p) => [p.name, p]));
  if (scope.k === "fn") {
    const fn = scope;
    const selfType = fn.selfType;
    if (!selfType || !fn.selfArgs) return { selfType, params };
    return { selfType, params, selfExpr: { k: "path", name: selfType, segs: [selfType], args: fn.selfArgs, sp: fn.nameSp } };
  }
  const item = scope;
  const self = () => ({ k: item.k, name: item.name, args: ps.map((p) => ({ k: "param", name: p.name })) });
  return { selfType: item.name, params, self };
}

// toolchain/verifier/graph.ts
function stronglyConnected(nodes, succ) {
  let index = 0;
  const idx = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const on = /* @__PURE__ */ new Set();
  const stack = [];
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of succ(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) !== idx.get(v)) return;
    const comp = [];
    for (; ; ) {
      const w = stack.pop();
      on.delete(w);
      comp.push(w);
      if (w === v) break;
    }
    out.push(comp);
  };
  for (const n of nodes) if (!idx.has(n)) strong(n);
  return out;
}
function sortedComponents(nodes, succ) {
  return stronglyConnected([...nodes].sort(), succ).map((c) => c.sort());
}

// toolchain/verifier/qid.ts
function qidText(o) {
  let s2;
  switch (o.k) {
    case "source":
      s2 = `${o.what}:${o.item}+${o.line}:${o.column}`;
      break;
    case "spec-fn":
      s2 = `spec${o.fuel ? "-fuel" : ""}:${o.fn}`;
      break;
    case "type-inv":
      s2 = `inv:${o.ty}@${o.of.replace(/\|/g, "")}`;
      break;
    case "axiom":
      s2 = `axiom:${o.name}`;
      break;
  }
  return s2.replace(/[|\\\s]/g, "_");
}
function qidSymbol(o) {
  return `|${qidText(o)}|`;
}
function quantifier(q, binders, body2, patterns, origin) {
  if (!patterns.length) throw new Error("a quantifier needs at least one pattern");
  const attrs = [];
  for (const p of patterns) attrs.push(":pattern", p);
  attrs.push(":qid", qidSymbol(origin));
  return [q, binders, ["!", body2, ...attrs]];
}
function withoutQids(t) {
  if (typeof t === "string") return t;
  const out = [];
  for (let i = 0; i < t.length; i++) {
    if (t[0] === "!" && t[i] === ":qid") {
      i++;
      continue;
    }
    out.push(withoutQids(t[i]));
  }
  return out;
}
var QidSites = class {
  sites = /* @__PURE__ */ new Map();
  /** The qid of `origin`, remembering where it points. */
  note(origin, site) {
    if (site) {
      const id = qidText(origin);
      if (!this.sites.has(id)) this.sites.set(id, site);
    }
    return origin;
  }
  get(qid) {
    return this.sites.get(qid);
  }
};

// toolchain/verifier/smt.ts
function print(t) {
  if (typeof t === "string") return t;
  const parts = [];
  const walk3 = (x) => {
    if (typeof x === "string") {
      parts.push(x);
      return;
    }
    parts.push("(");
    for (let i = 0; i < x.length; i++) {
      if (i) parts.push(" ");
      walk3(x[i]);
    }
    parts.push(")");
  };
  walk3(t);
  return parts.join("");
}
var printed = /* @__PURE__ */ new WeakMap();
function printShared(t) {
  if (typeof t === "string") return t;
  let s2 = printed.get(t);
  if (s2 === void 0) {
    s2 = print(t);
    printed.set(t, s2);
  }
  return s2;
}
function num(v) {
  const b = BigInt(v);
  return b < 0n ? ["-", (-b).toString()] : b.toString();
}
function and(...xs) {
  const ys = xs.filter((x) => x !== "true");
  if (ys.some((y) => y === "false")) return "false";
  if (ys.length === 0) return "true";
  if (ys.length === 1) return ys[0];
  return ["and", ...ys];
}
function or(...xs) {
  const ys = xs.filter((x) => x !== "false");
  if (ys.some((y) => y === "true")) return "true";
  if (ys.length === 0) return "false";
  if (ys.length === 1) return ys[0];
  return ["or", ...ys];
}
function not(x) {
  if (x === "true") return "false";
  if (x === "false") return "true";
  if (Array.isArray(x) && x[0] === "not") return x[1];
  return ["not", x];
}
function implies(a, b) {
  if (a === "true") return b;
  if (a === "false" || b === "true") return "true";
  return ["=>", a, b];
}
function eq(a, b) {
  return ["=", a, b];
}
function ite(c, a, b) {
  if (c === "true") return a;
  if (c === "false") return b;
  if (print(a) === print(b)) return a;
  return ["ite", c, a, b];
}
var RESERVED = /* @__PURE__ */ new Set([
  // core, ints, reals, arrays, reserved words
  "true",
  "false",
  "not",
  "and",
  "or",
  "xor",
  "distinct",
  "ite",
  "if",
  "iff",
  "implies",
  "div",
  "mod",
  "rem",
  "abs",
  "to_real",
  "to_int",
  "is_int",
  "select",
  "store",
  "const",
  "map",
  "let",
  "forall",
  "exists",
  "match",
  "par",
  "as",
  "lambda",
  "pi",
  "euler",
  "Int",
  "Bool",
  "Real",
  "Array",
  "BitVec",
  "String",
  "Seq",
  "Set",
  "Char",
  "RegEx",
  // z3's other built-in sorts (a user `struct List` would redefine z3's `List`) and ours
  "List",
  "RegLan",
  "Unicode",
  "FloatingPoint",
  "Float16",
  "Float32",
  "Float64",
  "Float128",
  "RoundingMode",
  "Fuel",
  // bit-vectors
  "concat",
  "extract",
  "repeat",
  "rotate_left",
  "rotate_right",
  "zero_extend",
  "sign_extend",
  "int2bv",
  "bv2nat",
  "bv2int",
  // z3's sets
  "union",
  "intersection",
  "subset",
  "complement",
  "as_array"
]);
function quote(name) {
  const clean = name.replace(/[|\\]/g, "_");
  const reserved = RESERVED.has(clean) || /^bv[a-z]+$/.test(clean);
  return "|" + (reserved ? `${clean}'` : clean) + "|";
}
function sortKey(t) {
  t = t;
  switch (t.k) {
    case "int":
      return "Int";
    case "bool":
      return "Bool";
    case "struct":
    case "enum":
      return t.args.length ? `${t.name}<${t.args.map(sortKey).join(",")}>` : t.name;
    // a generic parameter: an uninterpreted sort (a const one only names the instance of a datatype)
    case "param":
      return `Param.${t.name}`;
    case "cval":
      return String(t.n);
    case "seq":
    case "array":
      return `Seq<${sortKey(t.elem)}>`;
    case "set":
      return `Set<${sortKey(t.elem)}>`;
    case "map":
      return `Map<${sortKey(t.key)},${sortKey(t.val)}>`;
    case "tuple":
      return `Tuple<${t.elems.map(sortKey).join(",")}>`;
  }
}
function sortOf(t) {
  t = t;
  switch (t.k) {
    case "int":
      return "Int";
    case "bool":
      return "Bool";
    case "set":
      return ["Array", sortOf(t.elem), "Bool"];
    default:
      return quote(sortKey(t));
  }
}
var UnencodableType = class extends Error {
};
var reachCache = /* @__PURE__ */ new WeakMap();
function userDatatypesIn(t, out) {
  switch (t.k) {
    case "struct":
      out.add(t.name);
      return;
    case "enum":
      if (t.name !== "Option") out.add(t.name);
      t.args.forEach((a) => userDatatypesIn(a, out));
      return;
    case "seq":
    case "array":
    case "set":
      userDatatypesIn(t.elem, out);
      return;
    case "map":
      userDatatypesIn(t.key, out);
      userDatatypesIn(t.val, out);
      return;
    case "tuple":
      t.elems.forEach((a) => userDatatypesIn(a, out));
      return;
    default:
      return;
  }
}
function reachMap(crate) {
  let m = reachCache.get(crate);
  if (m) return m;
  const direct = /* @__PURE__ */ new Map();
  const fieldTys = (name) => {
    try {
      const st = crate.structs.get(name)?.[0]?.item;
      if (st) return st.fields.map((f) => crate.resolveType(f.ty, st));
      const en = crate.enums.get(name)?.[0]?.item;
      if (en) return en.variants.flatMap((v) => v.fields.map((f) => crate.resolveType(f.ty, en)));
    } catch {
    }
    return [];
  };
  for (const name of [...crate.structs.keys(), ...crate.enums.keys()]) {
    const out = /* @__PURE__ */ new Set();
    for (const t of fieldTys(name)) userDatatypesIn(t, out);
    direct.set(name, out);
  }
  m = /* @__PURE__ */ new Map();
  for (const name of direct.keys()) {
    const seen = /* @__PURE__ */ new Set();
    const stack = [...direct.get(name) ?? []];
    while (stack.length) {
      const x = stack.pop();
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...direct.get(x) ?? []);
    }
    m.set(name, seen);
  }
  reachCache.set(crate, m);
  return m;
}
function fieldStorage(crate, owner, t) {
  const reach = reachMap(crate);
  const inGroup = (x) => {
    const names = /* @__PURE__ */ new Set();
    userDatatypesIn(x, names);
    return [...names].some((n) => n === owner || reach.get(n)?.has(owner));
  };
  let boxed = false;
  const walk3 = (x) => {
    switch (x.k) {
      case "enum":
        if (x.name === "Option") x.args.forEach(walk3);
        return;
      // a user enum declares its own fields
      case "tuple":
        x.elems.forEach(walk3);
        return;
      case "seq":
      case "array":
        if (inGroup(x.elem)) boxed = true;
        walk3(x.elem);
        return;
      case "set":
        if (inGroup(x.elem)) throw new UnencodableType(`datatype \`${owner}\` contains itself through a \`Set\` element, which this verifier's (possibly infinite) sets cannot encode`);
        walk3(x.elem);
        return;
      case "map":
        if (inGroup(x.key)) throw new UnencodableType(`datatype \`${owner}\` contains itself through a \`Map\` key, which this verifier's (possibly infinite) maps cannot encode`);
        if (inGroup(x.val)) boxed = true;
        walk3(x.key);
        walk3(x.val);
        return;
      default:
        return;
    }
  };
  walk3(t);
  return boxed ? "boxed" : "plain";
}
function datatypeOf(crate, t) {
  t = t;
  const key = sortKey(t);
  const sort = quote(key);
  const f = (c, n, ty) => ({ name: n, acc: quote(`${key}.${c}${c ? "." : ""}${n}`), ty });
  const uf = (c, n, ty) => {
    const fd = f(c, n, ty);
    if (fieldStorage(crate, t.k === "struct" || t.k === "enum" ? t.name : key, ty) === "plain") return fd;
    const bk = `Box<${sortKey(ty)}>`;
    return { ...fd, boxed: { sort: quote(bk), box: quote(`box.${sortKey(ty)}`), unbox: quote(`unbox.${sortKey(ty)}`), rawAcc: quote(`${key}.${c}${c ? "." : ""}${n}$raw`) } };
  };
  const userCtor = (name, ctorName, fields) => {
    const any = fields.some((x) => x.boxed);
    return { name, ctor: quote(ctorName), tester: quote(any ? `${ctorName}$raw` : ctorName), fields };
  };
  const c0 = (name, ctor, fields) => ({ name, ctor, tester: ctor, fields });
  switch (t.k) {
    case "struct": {
      const s2 = crate.struct(t.name, { start: 0, end: 0 });
      const env = genericEnv(s2, t.args);
      return {
        key,
        sort,
        ctors: [userCtor("mk", `${key}.mk`, s2.fields.map((fd) => uf("", fd.name, substTy(crate.resolveType(fd.ty, s2), env))))]
      };
    }
    case "enum": {
      if (t.name === "Option") {
        return {
          key,
          sort,
          ctors: [
            c0("None", quote(`${key}.None`), []),
            c0("Some", quote(`${key}.Some`), [f("Some", "0", t.args[0])])
          ]
        };
      }
      const e = crate.enumItem(t.name);
      const env = genericEnv(e, t.args);
      return {
        key,
        sort,
        ctors: e.variants.map((v) => userCtor(v.name, `${key}.${v.name}`, v.fields.map((fd) => uf(v.name, fd.name, substTy(crate.resolveType(fd.ty, e), env)))))
      };
    }
    case "seq":
    case "array":
      return {
        key,
        sort,
        ctors: [c0("mk", quote(`${key}.mk`), [f("", "len", { k: "int", kind: "int" }), {
          name: "arr",
          acc: quote(`${key}.arr`),
          ty: { k: "set", elem: t.elem }
          /* placeholder, sort printed specially */
        }])]
      };
    case "map":
      return {
        key,
        sort,
        ctors: [c0("mk", quote(`${key}.mk`), [{ name: "dom", acc: quote(`${key}.dom`), ty: { k: "set", elem: t.key } }, { name: "vals", acc: quote(`${key}.vals`), ty: t.val }])]
      };
    case "tuple":
      return { key, sort, ctors: [c0("mk", quote(`${key}.mk`), t.elems.map((e, i) => f("", String(i), e)))] };
    default:
      return null;
  }
}
function fieldSort(t, dt, field) {
  t = t;
  if (field.boxed) return field.boxed.sort;
  if ((t.k === "seq" || t.k === "array") && field.name === "arr") return ["Array", "Int", sortOf(t.elem)];
  if (t.k === "map" && field.name === "vals") return ["Array", sortOf(t.key), sortOf(t.val)];
  void dt;
  return sortOf(field.ty);
}
var SortRegistry = class {
  constructor(crate) {
    this.crate = crate;
  }
  crate;
  dts = /* @__PURE__ */ new Map();
  dflts = /* @__PURE__ */ new Map();
  /** uninterpreted sorts of generic type parameters, by sort */
  params = /* @__PURE__ */ new Set();
  /** const generic parameters (usize constants), by SMT name */
  consts = /* @__PURE__ */ new Set();
  /** The constant standing for const generic parameter `name` (declared with its usize range). */
  constParam(name) {
    const c = quote(`const.${name}`);
    this.consts.add(c);
    return c;
  }
  /** The const generic parameters used so far (to carry a definition's into a query). */
  constsUsed() {
    return [...this.consts].sort();
  }
  needConst(c) {
    this.consts.add(c);
  }
  need(t) {
    t = t;
    if (t.k === "param") {
      this.params.add(print(sortOf(t)));
      return;
    }
    if (t.k === "cval") return;
    if (t.k === "struct" || t.k === "enum") t.args.forEach((a) => this.need(a));
    if (t.k === "set") {
      this.need(t.elem);
      return;
    }
    if (t.k === "int" || t.k === "bool") return;
    const key = sortKey(t);
    if (this.dts.has(key)) return;
    const dt = datatypeOf(this.crate, t);
    if (!dt) return;
    this.dts.set(key, { dt, ty: t });
    if (t.k === "seq" || t.k === "array") {
      this.need(t.elem);
      return;
    }
    if (t.k === "map") {
      this.need(t.key);
      this.need(t.val);
      return;
    }
    for (const c of dt.ctors) for (const f of c.fields) this.need(f.ty);
  }
  dflt(t) {
    t = t;
    this.need(t);
    const key = sortKey(t);
    this.dflts.set(key, t);
    return quote(`dflt.${key}`);
  }
  declarations() {
    const out = [];
    for (const p of [...this.params].sort()) out.push(`(declare-sort ${p} 0)`);
    for (const c of [...this.consts].sort()) out.push(`(declare-const ${c} Int)`, `(assert (and (<= 0 ${c}) (<= ${c} ${(1n << 64n) - 1n})))`);
    const keys = [...this.dts.keys()].sort();
    const boxes = /* @__PURE__ */ new Map();
    for (const k of keys) for (const c of this.dts.get(k).dt.ctors) for (const f of c.fields) if (f.boxed) boxes.set(f.boxed.sort, { b: f.boxed, ty: f.ty });
    for (const [sort] of [...boxes].sort((a, b) => a[0] < b[0] ? -1 : 1)) out.push(`(declare-sort ${sort} 0)`);
    const uses = (k) => {
      const { dt, ty } = this.dts.get(k);
      const out2 = /* @__PURE__ */ new Set();
      const visit = (t) => {
        if (typeof t === "string") {
          if (t.startsWith("|")) {
            const inner = t.slice(1, -1);
            if (this.dts.has(inner)) out2.add(inner);
          }
          return;
        }
        t.forEach(visit);
      };
      for (const c of dt.ctors) for (const f of c.fields) visit(fieldSort(ty, dt, f));
      return [...out2].sort();
    };
    for (const group of stronglyConnected(keys, uses).map((c) => c.sort())) {
      const heads = group.map((k) => `(${quote(k)} 0)`).join(" ");
      const bodies = group.map((k) => {
        const { dt, ty } = this.dts.get(k);
        const ctors = dt.ctors.map((c) => c.fields.length ? `(${c.tester} ${c.fields.map((f) => `(${f.boxed ? f.boxed.rawAcc : f.acc} ${print(fieldSort(ty, dt, f))})`).join(" ")})` : `(${c.tester})`);
        return `(${ctors.join(" ")})`;
      }).join(" ");
      out.push(`(declare-datatypes (${heads}) (${bodies}))`);
    }
    for (const [sort, { b, ty }] of [...boxes].sort((a, b2) => a[0] < b2[0] ? -1 : 1)) {
      const s2 = print(sortOf(ty));
      out.push(`(declare-fun ${b.box} (${s2}) ${sort})`, `(declare-fun ${b.unbox} (${sort}) ${s2})`);
      out.push(print(["assert", quantifier("forall", [["x", sortOf(ty)]], ["=", [b.unbox, [b.box, "x"]], "x"], [[[b.box, "x"]]], { k: "axiom", name: `box.${sortKey(ty)}` })]));
      out.push(print(["assert", quantifier("forall", [["b", sort]], ["=", [b.box, [b.unbox, "b"]], "b"], [[[b.unbox, "b"]]], { k: "axiom", name: `unbox.${sortKey(ty)}` })]));
    }
    for (const k of keys) {
      const { dt, ty } = this.dts.get(k);
      for (const c of dt.ctors) {
        if (c.tester === c.ctor) continue;
        for (const f of c.fields) if (f.boxed) out.push(`(define-fun ${f.acc} ((x ${dt.sort})) ${print(sortOf(f.ty))} (${f.boxed.unbox} (${f.boxed.rawAcc} x)))`);
        const ps = c.fields.map((f, i) => `(a${i} ${print(f.boxed ? sortOf(f.ty) : fieldSort(ty, dt, f))})`).join(" ");
        const args = c.fields.map((f, i) => f.boxed ? `(${f.boxed.box} a${i})` : `a${i}`).join(" ");
        out.push(`(define-fun ${c.ctor} (${ps}) ${dt.sort} (${c.tester} ${args}))`);
      }
    }
    for (const k of [...this.dflts.keys()].sort()) out.push(`(declare-const ${quote(`dflt.${k}`)} ${print(sortOf(this.dflts.get(k)))})`);
    return out;
  }
  datatype(t) {
    const d = datatypeOf(this.crate, t);
    if (!d) throw new Error(`no datatype for ${tyStr(t)}`);
    this.need(t);
    return d;
  }
};
function numeralValue(t) {
  if (typeof t === "string") return /^[0-9]+$/.test(t) ? BigInt(t) : null;
  if (t.length === 2 && t[0] === "-" && typeof t[1] === "string" && /^[0-9]+$/.test(t[1])) return -BigInt(t[1]);
  return null;
}
function foldGround(t) {
  if (typeof t === "string") return t;
  const xs = t.map((x, i) => i === 0 ? x : foldGround(x));
  const h = xs[0];
  const args = xs.slice(1);
  const vals = args.map(numeralValue);
  const ground = args.length > 0 && vals.every((v2) => v2 !== null);
  const v = vals;
  switch (h) {
    case "+":
      return ground ? num(v.reduce((a, b) => a + b, 0n)) : xs;
    case "*":
      return ground ? num(v.reduce((a, b) => a * b, 1n)) : xs;
    case "-":
      return ground ? num(v.length === 1 ? -v[0] : v.slice(1).reduce((a, b) => a - b, v[0])) : xs;
    case "=":
      return ground && v.length === 2 ? v[0] === v[1] ? "true" : "false" : xs;
    case "<":
      return ground && v.length === 2 ? v[0] < v[1] ? "true" : "false" : xs;
    case "<=":
      return ground && v.length === 2 ? v[0] <= v[1] ? "true" : "false" : xs;
    case ">":
      return ground && v.length === 2 ? v[0] > v[1] ? "true" : "false" : xs;
    case ">=":
      return ground && v.length === 2 ? v[0] >= v[1] ? "true" : "false" : xs;
    // connectives keep their shape, as in Verus: `f(i) && true` and `true && f(i)` are two choices
    default:
      return xs;
  }
}

// toolchain/verifier/vcgen/state.ts
var Unsupported = class extends Error {
  constructor(message, sp) {
    super(message);
    this.sp = sp;
  }
  sp;
};
var State = class _State {
  scopes = [/* @__PURE__ */ new Map()];
  path = [];
  labels = [];
  /** Branches taken so far, kept across joins: the model decides which were taken. */
  trace = [];
  crossed = [];
  clone() {
    const s2 = new _State();
    s2.scopes = this.scopes.map((m) => new Map(m));
    s2.path = [...this.path];
    s2.labels = [...this.labels];
    s2.trace = [...this.trace];
    s2.crossed = [...this.crossed];
    return s2;
  }
  lookup(name) {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i].get(name);
      if (b) return b;
    }
    return null;
  }
  set(name, b) {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i].has(name)) {
        this.scopes[i].set(name, b);
        return;
      }
    }
    throw new Error(`unbound ${name}`);
  }
  declare(name, b) {
    this.scopes[this.scopes.length - 1].set(name, b);
  }
  push() {
    this.scopes.push(/* @__PURE__ */ new Map());
  }
  pop() {
    this.scopes.pop();
  }
};
var DivergeSignal = class extends Error {
};

// toolchain/syntax/attributes.ts
function parseAttr(text) {
  const m = /^verifier::([A-Za-z_][A-Za-z0-9_]*)(\(.*\))?$/.exec(text) ?? /^verifier\(([A-Za-z_][A-Za-z0-9_]*)(\(.*\))?\)$/.exec(text);
  if (m) return { name: m[1], verifier: true, text };
  if (/^verifier\b/.test(text)) return { name: text, verifier: true, text };
  const first = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text)?.[0] ?? text;
  return { name: first, verifier: false, text };
}
function hasVerifierAttr(attrs, name) {
  return !!attrs?.some((a) => {
    const p = parseAttr(a);
    return p.verifier && p.name === name;
  });
}
function hasExternalBody(attrs) {
  return !!attrs?.some((a) => a.includes("external_body"));
}
var VERIFIER_OK = /* @__PURE__ */ new Map([
  // trusted body, signature and specs still resolved (implemented for functions only: on a
  // struct it hides the fields, which we do not do)
  ["external_body", ["fn"]],
  // implemented for spec fns (`reveal`); elsewhere Verus rejects it
  ["opaque", ["fn"]],
  // solver resource limits and query splitting: no meaning
  ["rlimit", ["fn", "stmt"]],
  ["spinoff_prover", ["fn", "stmt"]],
  // exec loops and recursion may go without `decreases` (check/termination.ts; on a statement
  // it cannot make us accept more: the function's loops still need a measure)
  ["exec_allows_no_decreases_clause", ["fn", "stmt"]],
  ["assume_termination", ["fn"]],
  // `loop_isolation(false)` gives a loop body more facts in Verus; ours sees fewer (invariants and
  // unchanged variables only): it can only make us report a failure Verus does not
  ["loop_isolation", ["fn", "stmt"]],
  // `nonlinear` gives Verus nonlinear arithmetic in the whole function; without it we prove less
  ["nonlinear", ["fn"]],
  // a spec fn inlined at its uses (verifier/vcgen/calls.ts); the checking phase refuses it where
  // Verus does (not spec, no body, recursive, closed and public)
  ["inline", ["fn"]],
  // message decorations
  ["proof_note", ["fn", "stmt"]],
  ["custom_err", ["fn", "stmt"]],
  // calls in ghost code mean the named spec fn (check/when-used-as-spec.ts; CheckedCrate.specCalls)
  ["when_used_as_spec", ["fn"]]
]);
var VERIFIER_CRATE = /* @__PURE__ */ new Set([
  // the invariant is assumed/asserted at every construction and use of the type
  "type_invariant",
  // exec fns that spec code may call, with their body's meaning there
  "allow_in_spec",
  // give specs to functions, types and traits defined elsewhere, used by other code
  "external_fn_specification",
  "external_type_specification",
  "external_trait_specification",
  "external_trait_extension",
  // visibility of an opaque fn in other modules
  "opaque_outside_module"
]);
var VERIFIER_ITEM = /* @__PURE__ */ new Set([
  // where a spec fn may be used (prophecy values): its definition is the same
  "prophetic",
  // well-formedness of recursive types
  "reject_recursive_types",
  "accept_recursive_types",
  "reject_recursive_types_in_ground_variants",
  "memoize",
  // `==` read as extensional equality inside this function only
  "auto_ext_equal",
  // relax or add checks on this item only
  "allow_complex_invariants",
  "impls_cannot_extend_spec",
  "verify",
  "atomic",
  "truncate"
]);
var RUST_OK = /* @__PURE__ */ new Set([
  "derive",
  "allow",
  "warn",
  "deny",
  "forbid",
  "expect",
  "doc",
  "inline",
  "cold",
  "must_use",
  "track_caller",
  "repr",
  "non_exhaustive",
  "rustfmt",
  "clippy",
  "no_mangle",
  "link_section",
  "panic_handler",
  "macro_export",
  "macro_use",
  "used",
  "deprecated",
  "automatically_derived",
  "feature",
  "no_std",
  "no_main",
  "test",
  "ignore",
  // Verus: quantifier triggers are read by the parser where they matter
  "trigger"
]);
function attrTreatment(text, site) {
  const a = parseAttr(text);
  if (/^(?:(?:vstd::)?contrib::)?auto_spec$/.test(a.text)) return "crate";
  if (!a.verifier) return RUST_OK.has(a.name) ? "ok" : "item";
  if (a.name === "external") return site === "stmt" ? "item" : "external";
  if (VERIFIER_CRATE.has(a.name)) return "crate";
  if (VERIFIER_ITEM.has(a.name)) return "item";
  const where = VERIFIER_OK.get(a.name);
  if (where) return where.includes(site) ? "ok" : "item";
  return site === "stmt" ? "item" : "crate";
}
function verusAttrOutside(text) {
  const a = parseAttr(text);
  if (a.verifier) {
    if (a.name === "external") return false;
    const where = VERIFIER_OK.get(a.name);
    return !(where && where.includes("stmt") && a.name !== "proof_note" && a.name !== "custom_err");
  }
  return /(^|[^A-Za-z0-9_])(verus[A-Za-z0-9_]*|verifier|vstd|verus_builtin|builtin|make_spec_type|self_view|is_variant|spec_derive)([^A-Za-z0-9_]|$)/.test(text);
}
var VERUS_MACROS_OUTSIDE = /* @__PURE__ */ new Set(["proof", "proof_with", "proof_decl", "proof_declare", "inline_proof", "verus_spec", "verus_proof_macro_exprs"]);

// toolchain/verifier/vcgen/proof-state.ts
var ProofStateRecorder = class {
  constructor(file) {
    this.file = file;
  }
  file;
  facts = [];
  mutations = [];
  points = [];
  /** Branch conditions by term (arrays by identity, atoms by value). */
  notes = /* @__PURE__ */ new Map();
  fact(site, path7) {
    this.facts.push({ site: { ...site, file: site.file ?? this.file }, path: [...path7] });
  }
  /** `cond` was pushed on a path for the branch written at `sp`. */
  branch(cond, note) {
    if (cond === "true" || cond === "false") return;
    if (!this.notes.has(cond)) this.notes.set(cond, note);
  }
  mutated(name, path7) {
    this.mutations.push({ m: { name, after: this.facts.length }, path: [...path7] });
  }
  point(sp, path7) {
    const on = (p) => p.length <= path7.length && p.every((t, i) => t === path7[i]);
    const known = [];
    this.facts.forEach((f, i) => {
      if (on(f.path)) known.push(i);
    });
    const notes = [];
    for (const t of path7) {
      const n = this.notes.get(t);
      if (n) notes.push(n);
    }
    const mutations = this.mutations.filter((x) => on(x.path)).map((x) => x.m);
    this.points.push({ sp, known, path: notes, mutations });
  }
  result() {
    return { file: this.file, facts: this.facts.map((f) => f.site), points: this.points };
  }
};

// toolchain/verifier/vcgen/gen.ts
function specInstanceKey(info, tyArgs) {
  return info.item.generics.length ? `${info.key}<${tyArgs.map(tyKey).join(",")}>` : info.key;
}
var lineMaps = /* @__PURE__ */ new WeakMap();
var FnGen = class {
  /** `tyArgs`: a generic spec fn's instantiation whose definition this generator builds. */
  constructor(cvc, info, tyArgs = []) {
    this.cvc = cvc;
    this.info = info;
    this.crate = cvc.crate;
    this.proofState = new ProofStateRecorder(info.file);
    this.sorts = new SortRegistry(cvc.crate);
    this.nonlinearFn = info.item.attrs.some((a) => /^verifier(::nonlinear|\(nonlinear\))$/.test(a));
    const args = tyArgs.length || !info.item.generics.length ? tyArgs : info.item.generics.map((g) => ({ k: "param", name: g }));
    this.cur = { item: info.item, env: genericEnv(info.item, args) };
    this.specKey = specInstanceKey(info, args);
    if (info.item.mode === "spec" && !cvc.instances.has(this.specKey)) cvc.instances.set(this.specKey, { info, tyArgs: args });
  }
  cvc;
  info;
  crate;
  decls = [];
  facts = [];
  obligations = [];
  sorts;
  specUsed = /* @__PURE__ */ new Set();
  usesMul = false;
  /** Collection-operation functions and their axioms, by name. */
  axioms = /* @__PURE__ */ new Map();
  /** `choose` functions (declaration and axiom) with the sorts they use, by name, in the order made. */
  chooseFns = /* @__PURE__ */ new Map();
  /** Obligations whose query finish() has yet to build: the generation state they see, or a query of their own. */
  pending = /* @__PURE__ */ new Map();
  callees = /* @__PURE__ */ new Set();
  counter = /* @__PURE__ */ new Map();
  qcount = 0;
  /** Deferred recursion checks: callee key -> obligations to keep if recursive */
  recCalls = [];
  fnCtx = null;
  reveals = /* @__PURE__ */ new Set();
  /** `#[verifier::inline]` spec fns whose bodies are being inlined now (a recursive one is applied instead) */
  inlining = /* @__PURE__ */ new Set();
  /** Fuel set by `reveal_with_fuel` for recursive spec fns (default 1). */
  fuel = /* @__PURE__ */ new Map();
  /** `#[verifier::nonlinear]`: multiplication in this function's own queries is z3's `*` (with its
   * nonlinear arithmetic), as in Verus; elsewhere a product of two variables is uninterpreted. */
  nonlinearFn;
  /** What the verifier knows at each statement (the IDE's proof-state panel). */
  proofState;
  /**
   * The item whose syntax is being evaluated and its generic arguments: this function (its own
   * generic parameters stay parameters: uninterpreted sorts and constants, so what is proved holds
   * for every instantiation), or, while a callee's `requires`/`ensures` are evaluated at a call,
   * the callee at the call's generic arguments.
   */
  cur;
  /** The SMT name of this function's spec fn instance (a generic spec fn has one per instantiation). */
  specKey;
  /** A type written in the current item's syntax, at its generic arguments. */
  synTy(t) {
    return substTy(this.crate.resolveType(t, this.cur.item), this.cur.env);
  }
  /** A type the checker recorded for the current item's syntax, at its generic arguments. */
  instTy(t) {
    return substTy(t, this.cur.env);
  }
  /** Runs `fn` with the syntax of `item` at `env` being evaluated (a callee's clauses). */
  inItem(item, env, fn) {
    const prev = this.cur;
    this.cur = { item, env };
    try {
      return fn();
    } finally {
      this.cur = prev;
    }
  }
  /** The generic arguments of a call of a generic function, in this generator's terms. */
  callTyArgs(call, f, sp) {
    if (!f.generics.length) return [];
    const recorded = this.cvc.checked.callTypeArgs.get(call);
    if (!recorded) throw new ResolveError("type annotations needed: the generic arguments of this call are not known", sp);
    return recorded.map((t) => this.instTy(t));
  }
  /** An array length as a term: a number, or a const generic parameter's value. */
  lenTerm(len) {
    return typeof len === "number" ? num(len) : this.sorts.constParam(len);
  }
  /** The value of const generic parameter `name` of the current item. */
  constParamValue(name) {
    const v = this.cur.env.get(name);
    if (v?.k === "cval") return num(v.n);
    return this.sorts.constParam(v?.k === "param" ? v.name : name);
  }
  /** Spec fns: the definition check (see FnVC.defCheck), built by finish(). */
  defCheck;
  myMeasure = [];
  // `None` / `X::empty()` whose type is not known yet are placeholder terms (`($none)`,
  // `($empty Seq)`) that `fit` replaces once the context gives the type. One left in a finished
  // query or definition is an error at the placeholder's span (never a solver error).
  placeholderSps = /* @__PURE__ */ new WeakMap();
  fresh(base, ty) {
    const n = this.counter.get(base) ?? 0;
    this.counter.set(base, n + 1);
    const name = quote(n === 0 ? base : `${base}~${n}`);
    this.sorts.need(ty);
    this.decls.push(`(declare-const ${name} ${print(sortOf(ty))})`);
    return name;
  }
  define(base, v) {
    const c = this.fresh(base, v.ty);
    this.facts.push(eq(c, v.t));
    return c;
  }
  /** Assumes `t` on the current path; `site`: the source it comes from (for the proof state). */
  assume(st, t, site) {
    this.facts.push(implies(and(...st.path), t));
    if (site) this.proofState.fact(site, st.path);
  }
  typeInv(t, ty, depth = 0, inQuant = false) {
    ty = ty;
    switch (ty.k) {
      case "int": {
        const r = intRange(ty.kind);
        const cs = [];
        if (r.min !== null) cs.push(["<=", num(r.min), t]);
        if (r.max !== null) cs.push(["<=", t, num(r.max)]);
        return and(...cs);
      }
      case "bool":
        return "true";
      case "struct":
      case "tuple":
      case "enum": {
        if (depth > 3) return "true";
        const dt = this.sorts.datatype(ty);
        const parts = [];
        for (const c of dt.ctors) {
          const fs2 = c.fields.map((f) => this.typeInv([f.acc, t], f.ty, depth + 1, inQuant)).filter((x) => x !== "true");
          if (!fs2.length) continue;
          parts.push(dt.ctors.length > 1 ? implies([["_", "is", c.tester], t], and(...fs2)) : and(...fs2));
        }
        return and(...parts);
      }
      case "seq":
      case "array": {
        const dt = this.sorts.datatype(ty);
        const len = [dt.ctors[0].fields[0].acc, t];
        const arr = [dt.ctors[0].fields[1].acc, t];
        if (inQuant) return ty.k === "array" ? eq(len, this.lenTerm(ty.len)) : ["<=", "0", len];
        const k = quote(`k@${this.qcount++}`);
        const sel = ["select", arr, k];
        const inRange = and(["<=", "0", k], ["<", k, len]);
        const einv = depth > 3 ? "true" : this.typeInv(sel, ty.elem, depth + 1, true);
        const body2 = ite(inRange, einv, eq(sel, this.sorts.dflt(ty.elem)));
        const q = quantifier("forall", [[k, "Int"]], body2, [[sel]], { k: "type-inv", ty: sortKey(ty), of: print(t) });
        return and(ty.k === "array" ? eq(len, this.lenTerm(ty.len)) : ["<=", "0", len], q);
      }
      case "map": {
        if (inQuant) return "true";
        const dt = this.sorts.datatype(ty);
        const dom = [dt.ctors[0].fields[0].acc, t];
        const vals = [dt.ctors[0].fields[1].acc, t];
        const k = quote(`k@${this.qcount++}`);
        const sel = ["select", vals, k];
        return quantifier("forall", [[k, sortOf(ty.key)]], implies(not(["select", dom, k]), eq(sel, this.sorts.dflt(ty.val))), [[sel]], { k: "type-inv", ty: sortKey(ty), of: print(t) });
      }
      case "set":
      case "param":
      case "cval":
        return "true";
    }
  }
  havoc(base, ty) {
    const c = this.fresh(base, ty);
    const inv = this.typeInv(c, ty);
    const flat = (t) => Array.isArray(t) && t[0] === "and" ? t.slice(1).flatMap(flat) : [t];
    if (inv !== "true") this.facts.push(...flat(inv));
    return c;
  }
  run() {
    const res = { info: this.info, obligations: [], callees: this.callees };
    try {
      const f = this.info.item;
      const clause = f.unsupportedClauses[0];
      if (clause) throw new Unsupported(`unsupported: \`${clause.clause}\` clause`, clause.sp);
      if (f.mode === "spec") this.checkSpecFn();
      else if (hasExternalBody(f.attrs) || !f.body) {
        this.checkSignature();
      } else this.checkBody();
      res.obligations = this.obligations;
    } catch (e) {
      if (e instanceof Unsupported) res.unsupported = { message: e.message, sp: e.sp };
      else if (e instanceof UnencodableType) res.unsupported = { message: e.message, sp: this.info.item.nameSp };
      else if (e instanceof UnsupportedType) res.unsupported = { message: `unsupported: ${e.message}`, sp: e.sp };
      else if (e instanceof ResolveError) res.error = { message: e.message, sp: e.sp };
      else res.error = { message: `internal error: ${e.message}`, sp: this.info.item.nameSp };
    }
    return res;
  }
  /** Trusted functions (external_body, no body): types and specs are resolved like any other's. */
  checkSignature() {
    const f = this.info.item;
    const st = new State();
    const old = /* @__PURE__ */ new Map();
    for (const p of this.paramTypes(f)) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: p.mut });
      if (p.mut) old.set(p.name, c);
    }
    const retTy = f.ret ? this.synTy(f.ret.ty) : UNIT;
    const retName = f.ret?.name ?? null;
    this.fnCtx = { fn: f, info: this.info, old, retTy, retName, loops: [], returns: () => {
    } };
    for (const r of f.requires) this.evalPure(r, st, this.specMode([]), true);
    for (const d of f.decreases) this.evalPure(d, st, this.specMode([]));
    const est = st.clone();
    est.push();
    if (retName) est.declare(retName, { ty: retTy, term: this.havoc(retName, retTy), mut: false });
    for (const e of f.ensures) this.evalPure(e, est, this.specMode([]), true);
    this.fnCtx = null;
  }
  /** `f`'s parameters at generic arguments `env` (by default: this function's own). */
  paramTypes(f, env = this.cur.env) {
    return f.params.map((p) => ({ name: p.name, ty: substTy(this.crate.resolveType(p.ty, f), env), mut: isMutRefParam(p) }));
  }
  /** `f`'s return type at generic arguments `env`. */
  retType(f, env = this.cur.env) {
    return f.ret ? substTy(this.crate.resolveType(f.ret.ty, f), env) : UNIT;
  }
  specMode(path7) {
    return { exec: false, pure: true, nonlinear: false, bound: /* @__PURE__ */ new Set(), triggers: null, path: path7 };
  }
  placeholder(t, sp) {
    this.placeholderSps.set(t, sp);
    return t;
  }
  placeholderSp(t) {
    return Array.isArray(t) && this.placeholderSps.get(t) || this.info.item.nameSp;
  }
  /** The first placeholder left in `t`, or null. */
  findPlaceholder(t) {
    if (typeof t === "string") return null;
    if (t[0] === "$none" || t[0] === "$empty") return t;
    for (const x of t) {
      const r = this.findPlaceholder(x);
      if (r) return r;
    }
    return null;
  }
  /** Throws an error at the placeholder's span when `t` still contains one. */
  checkNoPlaceholder(t) {
    const ph = this.findPlaceholder(t);
    if (ph) throw new ResolveError(`type annotations needed: cannot infer the type of \`${ph[0] === "$none" ? "None" : `${ph[1]}::empty()`}\``, this.placeholderSp(ph));
  }
  /**
   * Gives an untyped `None` / `X::empty()` its type from context; a statement's unit result
   * (`true`, never stored) used as a value of type `()` becomes the unit datatype's value.
   */
  fit(v, ty) {
    if (v.t === "true" && v.ty.k === "tuple" && !v.ty.elems.length && ty.k === "tuple" && !ty.elems.length) return { t: this.sorts.datatype(UNIT).ctors[0].ctor, ty: UNIT };
    if (Array.isArray(v.t) && v.t[0] === "$none") {
      const n = ty;
      if (n.k !== "enum" || n.name !== "Option") throw new ResolveError(`mismatched types: expected ${tyStr(n)}, found Option`, this.placeholderSp(v.t));
      return { t: this.sorts.datatype(n).ctors[0].ctor, ty: n };
    }
    if (Array.isArray(v.t) && v.t[0] === "$empty") {
      const n = ty;
      const want = v.t[1] === "Seq" ? "seq" : v.t[1] === "Set" ? "set" : "map";
      if (n.k !== want) throw new ResolveError(`mismatched types: expected ${tyStr(n)}, found ${v.t[1]}`, this.placeholderSp(v.t));
      return { t: this.emptyOf(n), ty: n };
    }
    return v;
  }
  /** The function's file's line map (labels of branches and crossed loops/calls). */
  lineMap() {
    let lm = lineMaps.get(this.crate);
    if (!lm) lineMaps.set(this.crate, lm = /* @__PURE__ */ new Map());
    let m = lm.get(this.info.file);
    if (!m) lm.set(this.info.file, m = new LineMap(this.crate.files.find((f) => f.path === this.info.file)?.text ?? ""));
    return m;
  }
  lineCol(off) {
    const p = this.lineMap().pos(off);
    return `${p.line}:${p.column}`;
  }
  line(off) {
    return this.lineMap().pos(off).line;
  }
};

// toolchain/verifier/vcgen/query.ts
function printQuery(q, o = {}) {
  const drop = o.dropQuantifiedFacts === true;
  const lines2 = [`(set-option :smt.mbqi ${o.mbqi ?? q.mbqi ? "true" : "false"})`, ...o.options ?? q.options];
  for (const c of q.prelude) if (!(drop && isAssertion(c) && hasQuantifier(c))) lines2.push(printShared(c));
  lines2.push(...q.decls);
  for (const f of q.facts) if (!(drop && hasQuantifier(f))) lines2.push(`(assert ${printShared(f)})`);
  if (q.goal !== void 0 && !(drop && hasQuantifier(q.goal))) lines2.push(`(assert (not ${print(q.goal)}))`);
  lines2.push("(check-sat)");
  return lines2.join("\n") + "\n";
}
function hasVerusConfiguration(q, o = {}) {
  const options = o.options ?? q.options;
  return !(o.mbqi ?? q.mbqi) && options.length >= VERUS_OPTIONS.length && VERUS_OPTIONS.every((x, i) => options[i] === x);
}
function usesUninterpretedArith(q) {
  return q.prelude.includes(MUL_DECLS[0]);
}
function isAssertion(c) {
  return Array.isArray(c) && c[0] === "assert";
}
function hasQuantifier(t) {
  if (typeof t === "string") return false;
  if (t[0] === "forall" || t[0] === "exists") return true;
  return t.some(hasQuantifier);
}
var MESSAGES = {
  precondition: "precondition not satisfied",
  postcondition: "postcondition not satisfied",
  assertion: "assertion failed",
  "invariant-entry": "invariant not satisfied before loop",
  "invariant-preserved": "invariant not satisfied at end of loop body",
  overflow: "possible arithmetic overflow",
  underflow: "possible arithmetic underflow",
  "division-by-zero": "possible division by zero",
  "index-bounds": "possible index out of bounds",
  decreases: "could not prove termination",
  unwrap: "precondition not satisfied: unwrap of None"
};
var VERUS_OPTIONS = ["(set-option :auto_config false)", "(set-option :smt.case_split 3)", "(set-option :smt.arith.solver 2)"];
var NL_OFF = "(set-option :smt.arith.nl false)";
var NL_ON = "(set-option :smt.arith.nl true)";
var ORDINARY_OPTIONS = [...VERUS_OPTIONS, NL_OFF];
var NONLINEAR_OPTIONS = [...VERUS_OPTIONS, NL_ON];
var ALT_OPTIONS = ["(set-option :smt.case_split 1)", "(set-option :auto_config true)", "(set-option :smt.arith.solver 6)", NL_OFF];
var FUEL_DECL = "(declare-datatypes ((Fuel 0)) (((fuel.zero) (fuel.succ (fuel.pred Fuel)))))";
var MUL = ["|uf.mul|", "x", "y"];
var XY = [["x", "Int"], ["y", "Int"]];
var MUL_DECLS = [
  "(declare-fun |uf.mul| (Int Int) Int)",
  ["assert", quantifier("forall", XY, ["=", MUL, ["*", "x", "y"]], [[MUL]], { k: "axiom", name: "uf.mul" })],
  ["assert", quantifier("forall", XY, ["=>", ["and", ["<=", "0", "x"], ["<=", "0", "y"]], ["<=", "0", MUL]], [[MUL]], { k: "axiom", name: "uf.mul.nat" })]
];
var QueryMethods = class {
  oblige(st, kind, sp, goal, related, message, extraScope, note) {
    if (goal === "true") {
      return void 0;
    }
    const ob = this.makeOb(st, kind, sp, goal, related, message, extraScope);
    if (note) ob.note = note;
    this.obligations.push(ob);
    return ob;
  }
  makeOb(st, kind, sp, goal, related, message, extraScope) {
    const declN = this.decls.length;
    const factN = this.facts.length;
    const path7 = [...st.path];
    const scope = this.scopeOf(st, extraScope);
    const ob = { kind, message: message ?? MESSAGES[kind], sp, related, scope, labels: [...st.labels], trace: st.trace.map((t) => ({ cond: print(t.cond), label: t.label })), crossed: [...st.crossed] };
    this.pending.set(ob, { declN, factN, path: path7, goal });
    return ob;
  }
  scopeOf(st, extra) {
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    const perScope = [];
    for (let i = st.scopes.length - 1; i >= 0; i--) {
      const here = [];
      for (const [name, b] of st.scopes[i]) {
        if (seen.has(name) || name.startsWith("$")) continue;
        seen.add(name);
        if (typeof b.term === "string" && b.term.startsWith("|")) here.push({ name, ty: b.ty, term: b.term });
      }
      perScope.unshift(here);
    }
    for (const h of perScope) out.push(...h);
    if (this.fnCtx) {
      for (const [name, t] of this.fnCtx.old) {
        const b = st.lookup(name);
        if (b && typeof t === "string") out.push({ name: `old(${name})`, ty: b.ty, term: t });
      }
    }
    if (extra) out.push(...extra);
    return out;
  }
  /** Builds the final queries. */
  finish(extraPreludeDeps = /* @__PURE__ */ new Set()) {
    const prelude = this.prelude([...this.specUsed, ...extraPreludeDeps].sort(), this.reveals);
    let factsChecked = 0;
    for (const ob of this.obligations) {
      const q = this.pending.get(ob);
      if (!q) continue;
      if ("query" in q) {
        ob.query = q.query;
      } else {
        for (; factsChecked < q.factN; factsChecked++) this.checkNoPlaceholder(this.facts[factsChecked]);
        for (const c of q.path) this.checkNoPlaceholder(c);
        this.checkNoPlaceholder(q.goal);
        ob.query = { mbqi: false, options: this.nonlinearFn ? NONLINEAR_OPTIONS : ORDINARY_OPTIONS, prelude, decls: this.decls.slice(0, q.declN), facts: this.facts.slice(0, q.factN), goal: implies(and(...q.path), q.goal) };
      }
      this.pending.delete(ob);
    }
    if (this.info.item.mode === "spec") {
      const self = /* @__PURE__ */ new Set([this.specKey]);
      this.defCheck = { mbqi: false, options: ORDINARY_OPTIONS, prelude: this.prelude([.../* @__PURE__ */ new Set([...this.specUsed, ...self])].sort(), /* @__PURE__ */ new Set([...this.reveals, ...self])), decls: [], facts: [] };
    }
  }
  /** Sorts, axioms and the spec fn definitions (transitively) needed by `keys`. */
  prelude(keys, reveals) {
    const lines2 = [];
    const seen = /* @__PURE__ */ new Set();
    let usesMul = this.usesMul;
    let usesFuel = false;
    const order = [];
    const visit = (k) => {
      if (seen.has(k)) return;
      seen.add(k);
      const inst = this.cvc.instances.get(k);
      const info = inst?.info ?? this.crate.fns.get(k)?.[0];
      if (!info) return;
      const def = this.cvc.specDef(info, inst?.tyArgs);
      for (const d of [...def.deps].sort()) visit(d);
      for (const s2 of def.sorts) this.sorts.need(s2);
      for (const c of def.consts) this.sorts.needConst(c);
      if (def.usesMul) usesMul = true;
      for (const [k2, v] of def.axioms) if (!this.axioms.has(k2)) this.axioms.set(k2, v);
      for (const [k2, v] of def.chooseFns) if (!this.chooseFns.has(k2)) this.chooseFns.set(k2, v);
      if (def.recursive) usesFuel = true;
      order.push(k);
    };
    for (const k of keys) visit(k);
    const declLines = [];
    const defLines = [];
    for (const k of order) {
      const def = this.cvc.specDefs.get(k);
      for (const l of def.lines) (isAssertion(l) ? defLines : declLines).push(l);
    }
    for (const k of [...reveals].sort()) defLines.push(...this.cvc.specDefs.get(k)?.revealLines ?? []);
    const chooseLines = [];
    for (const c of this.chooseFns.values()) {
      for (const t of c.sorts) this.sorts.need(t);
      chooseLines.push(...c.lines);
    }
    lines2.push(...declLines, ...chooseLines, ...defLines);
    const axLines = [];
    for (const k2 of [...this.axioms.keys()].sort()) axLines.push(...this.axioms.get(k2));
    return [...usesFuel ? [FUEL_DECL] : [], ...this.sorts.declarations(), ...usesMul ? MUL_DECLS : [], ...axLines, ...lines2];
  }
};

// toolchain/verifier/vcgen/quant-sites.ts
var QUANTIFYING = /* @__PURE__ */ new Set(["quant", "assert-forall", "method"]);
var QuantSpots = class {
  constructor(crate) {
    this.crate = crate;
  }
  crate;
  spots = null;
  /** The qids made with a site, for the profile report. */
  sites = new QidSites();
  index() {
    const spots = /* @__PURE__ */ new Map();
    for (const f of this.crate.files) {
      const lines2 = new LineMap(f.text);
      for (const it of f.items) {
        const item = itemName(it);
        if (item === null) continue;
        const spot = { file: f.path, item, itemLine: lines2.pos(it.sp.start).line, lines: lines2 };
        const walk3 = (o) => {
          if (!o || typeof o !== "object") return;
          if (Array.isArray(o)) {
            for (const x of o) walk3(x);
            return;
          }
          const n = o;
          if (typeof n.k === "string" && QUANTIFYING.has(n.k)) {
            const sp = n.k === "method" ? n.nameSp : n.sp;
            if (sp) spots.set(sp, spot);
          }
          for (const [k, v] of Object.entries(o)) if (k !== "sp" && k !== "nameSp" && v && typeof v === "object") walk3(v);
        };
        walk3(it);
      }
    }
    return spots;
  }
  /**
   * The origin of a quantifier written at `sp` (the span object of its node), with its site
   * noted; null when `sp` is no quantifier's node of this crate.
   */
  origin(what, sp) {
    this.spots ??= this.index();
    const s2 = this.spots.get(sp);
    if (!s2) return null;
    const p = s2.lines.pos(sp.start);
    return this.sites.note({ k: "source", what, item: s2.item, line: p.line - s2.itemLine, column: p.column }, { file: s2.file, sp });
  }
};
function itemName(it) {
  if (it.k === "fn" || it.k === "const") return it.selfType ? `${it.selfType}::${it.name}` : it.name;
  return null;
}

// toolchain/verifier/vcgen/spec-fns.ts
var CrateVC = class {
  constructor(crate, checked) {
    this.crate = crate;
    this.checked = checked;
    this.quantSpots = new QuantSpots(crate);
  }
  crate;
  checked;
  /** Spec fn definitions by instance key (`specInstanceKey`: the fn's key, or key<generic arguments>). */
  specDefs = /* @__PURE__ */ new Map();
  /** Each spec fn instance used: the function and its generic arguments. */
  instances = /* @__PURE__ */ new Map();
  recursive = /* @__PURE__ */ new Set();
  // spec fns in recursive SCCs
  scc = /* @__PURE__ */ new Map();
  /** Where the crate's quantifiers are written, and the sites of the qids made (--profile). */
  quantSpots;
  allFns() {
    const out = [];
    for (const l of this.crate.fns.values()) out.push(...l);
    return out;
  }
  /** Phase A: dependency graph of spec fns, SCCs. */
  analyzeSpecFns() {
    const specs = this.allFns().filter((f) => f.item.mode === "spec");
    const deps = /* @__PURE__ */ new Map();
    for (const f of specs) {
      const g = new FnGen(this, f);
      try {
        g.collectSpecDeps();
      } catch {
      }
      deps.set(f.key, g.callees);
    }
    const sccs = computeSccs([...deps.keys()], (k) => [...deps.get(k) ?? []].filter((d) => deps.has(d)));
    for (const comp of sccs) {
      const set = new Set(comp);
      const rec = comp.length > 1 || (deps.get(comp[0])?.has(comp[0]) ?? false);
      for (const k of comp) {
        this.scc.set(k, set);
        if (rec) this.recursive.add(k);
      }
    }
  }
  /**
   * The key of spec fn `info` at generic arguments `tyArgs` (registered for the prelude). A
   * generic spec fn gets one declared function and definition per instantiation a query uses;
   * an instantiation that keeps growing (`f<T>` using `f<Seq<T>>`) is refused.
   */
  specInstance(info, tyArgs, sp) {
    const key = specInstanceKey(info, tyArgs);
    if (key.length > 400) throw new Unsupported(`spec fn \`${info.qname}\` instantiated at ever larger generic arguments`, sp);
    if (!this.instances.has(key)) this.instances.set(key, { info, tyArgs });
    return key;
  }
  /** The definition of spec fn `info` at generic arguments `tyArgs` (none: its own parameters). */
  specDef(info, tyArgs = info.item.generics.map((g) => ({ k: "param", name: g }))) {
    const key = this.specInstance(info, tyArgs, info.item.nameSp);
    const cached = this.specDefs.get(key);
    if (cached) return cached;
    const def = { lines: [], axioms: /* @__PURE__ */ new Map(), chooseFns: /* @__PURE__ */ new Map(), deps: /* @__PURE__ */ new Set(), sorts: [], consts: [], usesMul: false, recursive: this.recursive.has(info.key) };
    this.specDefs.set(key, def);
    const g = new FnGen(this, info, tyArgs);
    g.buildSpecDef(def);
    return def;
  }
};
function computeSccs(nodes, succ) {
  return sortedComponents(nodes, succ);
}
function stripQuantifiers(t) {
  if (typeof t === "string") return t;
  if (t[0] === "forall" || t[0] === "exists") return "true";
  if (t[0] === "and") return and(...t.slice(1).map(stripQuantifiers));
  if (t[0] === "=>") return implies(t[1], stripQuantifiers(t[2]));
  return t;
}
function lexLess(newM, oldM) {
  const n = Math.min(newM.length, oldM.length);
  const alts = [];
  for (let i = 0; i < n; i++) {
    const eqs = [];
    for (let j = 0; j < i; j++) eqs.push(eq(newM[j].t, oldM[j].t));
    alts.push(and(...eqs, ["<=", "0", oldM[i].t], ["<", newM[i].t, oldM[i].t]));
  }
  return or(...alts);
}
var SpecFnMethods = class {
  collectSpecDeps() {
    const f = this.info.item;
    const st = new State();
    for (const p of this.paramTypes(f)) st.declare(p.name, { ty: p.ty, term: quote(p.name), mut: false });
    const m = this.specMode([]);
    if (f.body) this.evalBlockPure(f.body, st, m);
  }
  /** The origin of this spec fn's defining axiom (`fuel`: a recursive one's second axiom). */
  specQid(fuel) {
    return this.cvc.quantSpots.sites.note({ k: "spec-fn", fn: this.info.qname, ...fuel ? { fuel } : {} }, { file: this.info.file, sp: this.info.item.nameSp });
  }
  buildSpecDef(def) {
    const f = this.info.item;
    const ps = this.paramTypes(f);
    const retTy = this.retType(f);
    const name = quote(this.specKey);
    const st = new State();
    const rec = def.recursive;
    const fuel = "|fuel@|";
    for (const p of ps) st.declare(p.name, { ty: p.ty, term: quote(`${p.name}@`), mut: false });
    const sig = ps.map((p) => [quote(`${p.name}@`), sortOf(p.ty)]);
    const argSorts = ps.map((p) => print(sortOf(p.ty))).join(" ");
    const retSort = print(sortOf(retTy));
    let body2 = null;
    const opaque = f.attrs.some((a) => a.includes("opaque"));
    if (f.body && !hasExternalBody(f.attrs) && !(opaque && rec) && !f.unsupportedClauses.length) {
      try {
        const m = this.specMode([]);
        if (rec) {
          m.fuelVar = fuel;
          m.scc = this.cvc.scc.get(this.info.key);
          m.recHook = (callee, _args, sp, _path, inQuant) => {
            if (inQuant && m.scc?.has(callee.key)) throw new Unsupported("recursive call inside a quantifier", sp);
          };
          if (!f.decreases.length) throw new Unsupported("recursive spec fn without decreases", f.nameSp);
        }
        body2 = this.specBody(this.evalBlockPure(f.body, st, m), retTy).t;
      } catch (e) {
        body2 = null;
        if (e instanceof ResolveError) def.error = { message: e.message, sp: e.sp };
      }
    }
    this.sorts.need(retTy);
    for (const p of ps) this.sorts.need(p.ty);
    def.deps = new Set([...this.specUsed].filter((k) => k !== this.specKey));
    def.usesMul = this.usesMul;
    def.axioms = this.axioms;
    def.chooseFns = this.chooseFns;
    def.sorts = this.sortsNeeded(ps.map((p) => p.ty).concat([retTy]));
    def.consts = this.sorts.constsUsed();
    if (body2 === null) {
      def.lines = [`(declare-fun ${name} (${rec ? "Fuel " : ""}${argSorts}) ${retSort})`];
      return;
    }
    if (!rec) {
      let lines2;
      if (!ps.length) lines2 = [`(declare-fun ${name} () ${retSort})`, ["assert", ["=", name, body2]]];
      else {
        const app0 = [name, ...ps.map((p) => quote(`${p.name}@`))];
        lines2 = [`(declare-fun ${name} (${argSorts}) ${retSort})`, ["assert", quantifier("forall", sig, ["=", app0, body2], [[app0]], this.specQid(false))]];
      }
      if (opaque) {
        def.lines = [lines2[0]];
        def.revealLines = lines2.slice(1);
      } else def.lines = lines2;
      return;
    }
    const args = ps.map((p) => quote(`${p.name}@`));
    const guard = stripQuantifiers(and(...ps.map((p) => this.typeInv(quote(`${p.name}@`), p.ty))));
    const app = [name, ["fuel.succ", fuel], ...args];
    const binders = [[fuel, "Fuel"], ...sig];
    def.lines = [
      `(declare-fun ${name} (Fuel${argSorts ? " " + argSorts : ""}) ${retSort})`,
      ["assert", quantifier("forall", binders, implies(guard, ["=", app, body2]), [[app]], this.specQid(false))],
      ["assert", quantifier("forall", binders, ["=", app, [name, fuel, ...args]], [[app]], this.specQid(true))]
    ];
  }
  /**
   * The body's value as the spec fn's result: `None` / `X::empty()` typed by the return type; a
   * body that cannot be encoded as a term of the return sort is an error (never a solver error).
   */
  specBody(v, retTy) {
    v = this.fit(v, retTy);
    this.checkNoPlaceholder(v.t);
    const want = print(sortOf(retTy));
    const got = print(sortOf(v.ty));
    if (got !== want) throw new ResolveError(`mismatched types: expected ${tyStr(retTy)}, found ${tyStr(v.ty)}`, this.info.item.body?.sp ?? this.info.item.nameSp);
    return v;
  }
  sortsNeeded(tys) {
    return tys;
  }
  /** A spec fn as a unit: termination of its recursive calls. */
  checkSpecFn() {
    const f = this.info.item;
    const st = new State();
    const ps = this.paramTypes(f);
    for (const p of ps) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: false });
    }
    for (const r of f.requires.concat(f.recommends)) void r;
    if (!f.body) return;
    const scc = this.cvc.scc.get(this.info.key);
    const selfRec = this.cvc.recursive.has(this.info.key);
    const m = this.specMode([]);
    if (selfRec) {
      const measure = f.decreases.map((d) => this.evalPure(d, st, this.specMode([])));
      m.recHook = (callee, args, sp, path7, inQuant) => {
        if (!scc?.has(callee.key)) return;
        if (inQuant) throw new Unsupported("recursive call inside a quantifier", sp);
        const pst = new State();
        pst.path = path7;
        this.decreasesCheck(pst, callee, args, measure, sp);
      };
    }
    const v = this.evalBlockPure(f.body, st, m);
    if (hasExternalBody(f.attrs)) return;
    const retTy = this.retType(f);
    this.specBody(v, retTy);
    const def = this.cvc.specDef(this.info);
    if (def.error) throw new ResolveError(def.error.message, def.error.sp);
    void selfRec;
  }
  decreasesCheck(st, callee, args, measure, sp) {
    const cf = callee.item;
    if (!measure.length || !cf.decreases.length) {
      this.oblige(st, "decreases", sp, "false", void 0, "could not prove termination (recursive function without `decreases`)");
      return;
    }
    const cst = new State();
    const cps = this.paramTypes(cf);
    cps.forEach((p, i) => cst.declare(p.name, { ty: p.ty, term: args[i] ?? "false", mut: false }));
    const newM = cf.decreases.map((d) => this.evalPure(d, cst, this.specMode([])));
    this.oblige(st, "decreases", sp, this.lexLessMeasures(newM, measure, sp), cf.decreases[0].sp, "could not prove termination");
  }
  /** `lexLess` of two `decreases` measures, each compared through `measureOf`. */
  lexLessMeasures(newM, oldM, sp) {
    return lexLess(newM.map((v) => this.measureOf(v, sp)), oldM.map((v) => this.measureOf(v, sp)));
  }
  /**
   * A `decreases` value as an integer: an integer itself; a user datatype's value its height
   * (as Verus): a field's value, an element of a Seq/array field (in range) and the content of
   * an `Option` field are lower than the value holding them. (Not a `Map`'s values: our maps may
   * have infinite domains, whose values need not have a bound on their heights.)
   */
  measureOf(v, sp) {
    if (v.ty.k === "int") return v;
    if (v.ty.k === "struct" || v.ty.k === "enum" && v.ty.name !== "Option") return { t: [this.heightFn(v.ty), v.t], ty: INT };
    throw new Unsupported(`\`decreases\` on a value of type \`${tyStr(v.ty)}\``, sp);
  }
  /** The height function of a user datatype, declared with its axioms (and those of the datatypes below it). */
  heightFn(ty) {
    const dt = this.sorts.datatype(ty);
    const name = quote(`height.${dt.key}`);
    const declKey = quote(`height.0.${dt.key}`);
    if (this.axioms.has(declKey)) return name;
    this.axioms.set(declKey, [`(declare-fun ${name} (${dt.sort}) Int)`]);
    const x = quote("x@h");
    const lines2 = [["assert", quantifier("forall", [[x, dt.sort]], ["<=", "0", [name, x]], [[[name, x]]], { k: "axiom", name: `height.${dt.key}` })]];
    let n = 0;
    const below = (t, fty, conds, vars, depth) => {
      if (depth > 3) return;
      if (fty.k === "struct" || fty.k === "enum" && fty.name !== "Option") {
        const h = [this.heightFn(fty), t];
        lines2.push(["assert", quantifier("forall", [[x, dt.sort], ...vars], implies(and(...conds), ["<", h, [name, x]]), [[h]], { k: "axiom", name: `height.${dt.key}.below` })]);
        return;
      }
      if (fty.k === "enum" && fty.name === "Option") {
        const odt = this.sorts.datatype(fty);
        below([odt.ctors[1].fields[0].acc, t], fty.args[0], [...conds, [["_", "is", odt.ctors[1].tester], t]], vars, depth + 1);
        return;
      }
      if (fty.k === "tuple") {
        const tdt = this.sorts.datatype(fty);
        tdt.ctors[0].fields.forEach((f) => below([f.acc, t], f.ty, conds, vars, depth + 1));
        return;
      }
      if (fty.k === "seq" || fty.k === "array") {
        const sdt = this.sorts.datatype(fty);
        const i = quote(`i@h${n++}`);
        const len = [sdt.ctors[0].fields[0].acc, t];
        below(["select", [sdt.ctors[0].fields[1].acc, t], i], fty.elem, [...conds, ["<=", "0", i], ["<", i, len]], [...vars, [i, "Int"]], depth + 1);
      }
    };
    for (const c of dt.ctors) for (const f of c.fields) below([f.acc, x], f.ty, dt.ctors.length > 1 ? [[["_", "is", c.tester], x]] : [], [], 0);
    this.axioms.set(quote(`height.1.${dt.key}`), lines2);
    return name;
  }
};

// toolchain/verifier/vcgen/exec.ts
function rootVar(e) {
  if (e.k === "path" && e.segs.length === 1) return e.segs[0];
  if (e.k === "field" || e.k === "index") return rootVar(e.recv);
  if (e.k === "unary" && (e.op === "*" || e.op === "&mut" || e.op === "&")) return rootVar(e.e);
  return null;
}
function patBinds(p, out) {
  switch (p.k) {
    case "bind":
      out.add(p.name);
      break;
    case "tuple":
      for (const q of p.elems) patBinds(q, out);
      break;
    case "or":
      for (const q of p.alts) patBinds(q, out);
      break;
    case "variant":
      for (const q of p.args ?? []) patBinds(q, out);
      for (const f of p.fields ?? []) patBinds(f.pat, out);
      break;
  }
  return out;
}
var ExecMethods = class {
  checkBody() {
    const f = this.info.item;
    const st = new State();
    const ps = this.paramTypes(f);
    const old = /* @__PURE__ */ new Map();
    for (const p of ps) {
      const c = this.havoc(p.name, p.ty);
      st.declare(p.name, { ty: p.ty, term: c, mut: p.mut });
      if (p.mut) old.set(p.name, c);
    }
    const entry = new Map(st.scopes[0]);
    for (const u of this.cvc.checked.moduleBroadcasts.get(f) ?? []) this.assume(st, this.broadcastFact(u.lemma, u.sp));
    const retTy = this.retType(f);
    const retName = f.ret?.name ?? null;
    const exec = f.mode === "exec";
    const ctx = {
      fn: f,
      info: this.info,
      old,
      retTy,
      retName,
      loops: [],
      returns: (rst, v2, sp) => {
        const est = rst.clone();
        est.push();
        const pst = rst.clone();
        pst.scopes = [new Map([...entry].map(([n, b]) => [n, b.mut ? rst.scopes[0].get(n) ?? b : b]))];
        pst.push();
        let extra;
        v2 = this.fit(v2, retTy);
        if (retName) {
          const rc = this.define(retName, { t: v2.t, ty: retTy });
          est.declare(retName, { ty: retTy, term: rc, mut: false });
          pst.declare(retName, { ty: retTy, term: rc, mut: false });
        }
        for (const e of f.ensures) {
          const g = this.evalPure(e, pst, this.specMode(est.path), true);
          this.oblige(est, "postcondition", sp, g.t, e.sp, void 0, extra);
        }
        if (f.returns) {
          const r = this.evalPure(f.returns, pst, this.specMode(est.path), true);
          this.oblige(est, "postcondition", sp, this.compare("==", v2, r, f.returns.sp).t, f.returns.sp, void 0, extra);
        }
        extra = void 0;
      }
    };
    this.fnCtx = ctx;
    for (const r of f.requires) this.assume(st, this.evalPure(r, st, this.specMode([]), true).t, { kind: "requires", sp: r.sp });
    this.myMeasure = f.decreases.length ? f.decreases.map((d) => this.evalPure(d, st, this.specMode([]))) : [];
    const body2 = f.body;
    const m = { exec, pure: false, nonlinear: false, bound: /* @__PURE__ */ new Set(), triggers: null, path: [] };
    const lastStmt = body2.stmts[body2.stmts.length - 1];
    const tailSp = lastStmt && lastStmt.k === "expr" && !lastStmt.semi ? lastStmt.e.sp : { start: body2.sp.end - 1, end: body2.sp.end };
    st.push();
    let v = { t: "true", ty: UNIT };
    try {
      for (let i = 0; i < body2.stmts.length && v; i++) v = this.execStmt(body2.stmts[i], st, m, i === body2.stmts.length - 1);
      if (v) this.proofState.point({ start: body2.sp.end - 1, end: body2.sp.end }, st.path);
    } catch (e) {
      if (!(e instanceof DivergeSignal)) throw e;
      v = null;
    }
    if (v) ctx.returns(st, v, tailSp);
    st.pop();
  }
  /** Merges live branch states into `st`; returns the merged value (or null if none live). */
  mergeValues(st, live, base) {
    if (!live.length) {
      st.path.push("false");
      return null;
    }
    const states = live.map((l) => l.s);
    this.mergeInto(st, states, base, true);
    let ty = live[0].v.ty;
    const isPh = (v) => Array.isArray(v.t) && (v.t[0] === "$none" || v.t[0] === "$empty");
    for (const l of live) if (!isPh(l.v)) ty = l.v.ty;
    for (const l of live) if (isPh(l.v) && !(ty.k === "tuple")) l.v = this.fit(l.v, ty);
    if (ty.k === "tuple" && ty.elems.length === 0) return { t: "true", ty: UNIT };
    if (live.length === 1) return live[0].v;
    const conds = states.map((s2) => and(...s2.path.slice(base)));
    let t = live[live.length - 1].v.t;
    for (let i = live.length - 2; i >= 0; i--) t = ite(conds[i], live[i].v.t, t);
    if (typeof t === "string") return { t, ty };
    const c = this.define("$val", { t, ty });
    return { t: c, ty };
  }
  /** Joins states (which extend st's path from index `base`) back into st. */
  mergeInto(st, states, base, replacePath) {
    const conds = states.map((s2) => and(...s2.path.slice(base)));
    if (replacePath) {
      st.path = st.path.slice(0, base);
      if (states.length === 1) st.path.push(...states[0].path.slice(base));
      else {
        const d = or(...conds);
        const isComplement = states.length === 2 && print(conds[1]) === print(not(conds[0]));
        if (!isComplement) st.path.push(d);
      }
      if (states.length === 1) st.labels = [...states[0].labels];
      const seenT = new Set(st.trace.map((t) => t.label + print(t.cond)));
      for (const s2 of states)
        for (const t of s2.trace) {
          const k = t.label + print(t.cond);
          if (!seenT.has(k)) {
            seenT.add(k);
            st.trace.push(t);
          }
        }
      const crossed = /* @__PURE__ */ new Map();
      for (const s2 of states) for (const c of s2.crossed) crossed.set(`${c.kind}:${c.name}:${c.sp.start}`, c);
      st.crossed = [...crossed.values()];
    }
    for (let i = 0; i < st.scopes.length; i++) {
      for (const [name, b] of st.scopes[i]) {
        const vals = states.map((s2) => s2.scopes[i]?.get(name) ?? b);
        const first = print(vals[0].term);
        if (vals.every((v) => print(v.term) === first)) {
          if (first !== print(b.term)) {
            st.scopes[i].set(name, vals[0]);
            this.proofState.mutated(name, st.path);
          }
          continue;
        }
        this.proofState.mutated(name, st.path);
        let t = vals[vals.length - 1].term;
        for (let j = vals.length - 2; j >= 0; j--) t = ite(conds[j], vals[j].term, t);
        const c = this.define(name, { t, ty: b.ty });
        st.scopes[i].set(name, { ...b, term: c });
      }
    }
  }
  place(e, st, m) {
    if (e.k === "path" && e.segs.length === 1) {
      const b = st.lookup(e.segs[0]);
      if (!b) throw new ResolveError(`cannot find value \`${e.segs[0]}\``, e.sp);
      return { root: e.segs[0], steps: [], sp: e.sp };
    }
    if (e.k === "unary" && (e.op === "*" || e.op === "&mut")) return this.place(e.e, st, m);
    if (e.k === "field") {
      const p = this.place(e.recv, st, m);
      return { ...p, steps: [...p.steps, { k: "field", name: e.name }], sp: e.sp };
    }
    if (e.k === "index") {
      const p = this.place(e.recv, st, m);
      const i = this.ev(e.idx, st, m);
      const cur = this.readPlace(p, st);
      const cty = cur.ty;
      if (cty.k !== "array" && cty.k !== "seq") throw new Unsupported("index assignment on non-array", e.sp);
      if (m.exec) this.oblige(st, "index-bounds", e.sp, and(["<=", "0", i.t], ["<", i.t, cty.k === "array" ? this.lenTerm(cty.len) : [this.sorts.datatype(cty).ctors[0].fields[0].acc, cur.t]]));
      const it = typeof i.t === "string" ? i.t : this.define("$idx", i);
      return { ...p, steps: [...p.steps, { k: "index", idx: it }], sp: e.sp };
    }
    throw new Unsupported("assignment to this expression", e.sp);
  }
  placeName(p) {
    return p.root + p.steps.map((s2) => s2.k === "field" ? "." + s2.name : "[]").join("");
  }
  readPlace(p, st) {
    const b = st.lookup(p.root);
    let v = { t: b.term, ty: b.ty };
    for (const s2 of p.steps) v = s2.k === "field" ? this.field(v, s2.name, p.sp) : this.index(v, { t: s2.idx, ty: { k: "int", kind: "usize" } }, st, { exec: false, pure: true, nonlinear: false, bound: /* @__PURE__ */ new Set(), triggers: null, path: [] }, p.sp);
    return v;
  }
  writePlace(p, val, st) {
    const b = st.lookup(p.root);
    this.proofState.mutated(p.root, st.path);
    const rec = (cur, i) => {
      if (i === p.steps.length) return val;
      const s2 = p.steps[i];
      const ty = cur.ty;
      if (s2.k === "field") {
        const dt2 = this.sorts.datatype(ty);
        const c3 = dt2.ctors[0];
        return [c3.ctor, ...c3.fields.map((f) => f.name === s2.name ? rec({ t: [f.acc, cur.t], ty: f.ty }, i + 1) : [f.acc, cur.t])];
      }
      const dt = this.sorts.datatype(ty);
      const c2 = dt.ctors[0];
      const elemTy = ty.elem;
      const arr = [c2.fields[1].acc, cur.t];
      return [c2.ctor, [c2.fields[0].acc, cur.t], ["store", arr, s2.idx, rec({ t: ["select", arr, s2.idx], ty: elemTy }, i + 1)]];
    };
    const nt = rec({ t: b.term, ty: b.ty }, 0);
    const c = typeof nt === "string" && p.steps.length === 0 ? nt : this.define(p.root, { t: nt, ty: b.ty });
    st.set(p.root, { ...b, term: c });
  }
  execBlock(b, st, m) {
    st.push();
    try {
      let last = { t: "true", ty: UNIT };
      for (let i = 0; i < b.stmts.length; i++) {
        const s2 = b.stmts[i];
        const r = this.execStmt(s2, st, m, i === b.stmts.length - 1);
        if (r === null) return null;
        last = r;
      }
      this.proofState.point({ start: b.sp.end - 1, end: b.sp.end }, st.path);
      return last;
    } catch (e) {
      if (e instanceof DivergeSignal) return null;
      throw e;
    } finally {
      st.pop();
    }
  }
  execStmt(s2, st, m, isLast) {
    const ghostM = { ...m, exec: false };
    this.proofState.point(s2.sp, st.path);
    switch (s2.k) {
      case "let": {
        const ghost2 = s2.ghost;
        const mm = ghost2 ? ghostM : m;
        let v;
        const declTy = s2.ty ? this.synTy(s2.ty) : null;
        if (s2.init) {
          const r = this.evOpt(s2.init, st, mm);
          if (!r) return null;
          v = r;
          if (declTy) {
            v = this.fit(v, declTy);
            v = { t: v.t, ty: declTy };
          }
        } else {
          const recorded = s2.pat.k === "bind" ? this.cvc.checked.bindingTypes.get(s2.pat) : void 0;
          const ty = declTy ?? (recorded && this.instTy(recorded));
          if (!ty) throw new ResolveError("type annotations needed", s2.sp);
          v = { t: this.havoc(s2.pat.k === "bind" ? s2.pat.name : "$uninit", ty), ty };
        }
        if (s2.pat.k === "bind") {
          const c = this.define(s2.pat.name, v);
          st.declare(s2.pat.name, { ty: v.ty, term: c, mut: s2.pat.mut || ghost2, ghost: ghost2 });
          return { t: "true", ty: UNIT };
        }
        this.bindPat(s2.pat, v, st, mm, false);
        return { t: "true", ty: UNIT };
      }
      case "expr": {
        const v = this.evOpt(s2.e, st, m);
        if (!v) return null;
        return s2.semi && !isLast ? { t: "true", ty: UNIT } : s2.semi ? { t: "true", ty: UNIT } : v;
      }
      case "assume": {
        const v = this.ev(s2.e, st, { ...ghostM, pure: true });
        this.assume(st, v.t, { kind: "assume", sp: s2.sp });
        return { t: "true", ty: UNIT };
      }
      case "assert": {
        if (s2.by === "bit_vector") {
          this.bitVectorAssert(s2, st);
          return { t: "true", ty: UNIT };
        }
        if (s2.by === "nonlinear_arith") {
          this.nonlinearAssert(s2, st);
          return { t: "true", ty: UNIT };
        }
        if (s2.proof) {
          const s22 = st.clone();
          const r = this.execBlock(s2.proof, s22, ghostM);
          const v2 = this.ev(s2.e, r ? s22 : s22, { ...ghostM, pure: true });
          if (r) this.oblige(s22, "assertion", s2.sp, v2.t, void 0, void 0, void 0, noteOf(s2));
          const v22 = this.ev(s2.e, st, { ...ghostM, pure: true });
          this.assume(st, v22.t, { kind: "assert", sp: s2.sp });
          return { t: "true", ty: UNIT };
        }
        const v = this.ev(s2.e, st, { ...ghostM, pure: true });
        this.oblige(st, "assertion", s2.sp, v.t, void 0, void 0, void 0, noteOf(s2));
        this.assume(st, v.t, { kind: "assert", sp: s2.sp });
        return { t: "true", ty: UNIT };
      }
      case "assert-forall": {
        const s22 = st.clone();
        s22.push();
        for (const p of s2.params) {
          const ty = this.binderType(p);
          const c = this.havoc(`${p.name}$sk`, ty);
          s22.declare(p.name, { ty, term: c, mut: false });
        }
        if (s2.lhs) this.assume(s22, this.ev(s2.lhs, s22, { ...ghostM, pure: true }).t);
        const r = s2.proof ? this.execBlock(s2.proof, s22, ghostM) : { t: "true", ty: UNIT };
        if (r) this.oblige(s22, "assertion", s2.sp, this.ev(s2.rhs, s22, { ...ghostM, pure: true }).t, void 0, void 0, void 0, noteOf(s2));
        const body2 = s2.lhs ? { k: "binary", op: "==>", l: s2.lhs, r: s2.rhs, sp: s2.sp } : s2.rhs;
        const q = { k: "quant", q: "forall", params: s2.params, triggers: s2.triggers, ...s2.allTriggers ? { allTriggers: true } : {}, body: body2, sp: s2.sp };
        this.assume(st, this.ev(q, st, { ...ghostM, pure: true }).t, { kind: "assert", sp: s2.sp });
        return { t: "true", ty: UNIT };
      }
      case "proof": {
        const r = this.execBlock(s2.block, st, ghostM);
        return r ? { t: "true", ty: UNIT } : null;
      }
      case "reveal": {
        const segs = s2.name;
        const q = segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2]) ? `${segs[segs.length - 2] === "Self" ? this.cur.item.selfType : segs[segs.length - 2]}::${segs[segs.length - 1]}` : segs[segs.length - 1];
        let info = this.crate.fn(q, s2.sp);
        const owner = segs[segs.length - 2];
        if (!info && owner !== void 0 && !this.crate.structs.has(owner) && !this.crate.enums.has(owner)) {
          const cands = (this.crate.fnsByName.get(segs[segs.length - 1]) ?? []).filter((x) => {
            const mod = segs.slice(0, -1).filter((p) => p !== "crate" && p !== "self" && p !== "super");
            return mod.length > 0 && x.item.module.slice(-mod.length).join("::") === mod.join("::");
          });
          if (cands.length > 1) throw new ResolveError(`ambiguous name \`${segs.join("::")}\``, s2.sp);
          info = cands[0] ?? null;
        }
        if (!info || info.item.mode !== "spec") throw new ResolveError(`\`${segs.join("::")}\` is not a spec function`, s2.sp);
        if (s2.fuel !== null) {
          if (s2.fuel < 0) throw new Unsupported("reveal_with_fuel needs a literal fuel (at most 64)", s2.sp);
          if (!this.cvc.recursive.has(info.key)) return { t: "true", ty: UNIT };
          this.fuel.set(info.key, Math.max(1, s2.fuel));
          return { t: "true", ty: UNIT };
        }
        if (!info.item.attrs.some((a) => a.includes("opaque"))) return { t: "true", ty: UNIT };
        if (this.cvc.recursive.has(info.key)) throw new Unsupported("`reveal` of an opaque recursive spec fn", s2.sp);
        if (info.item.generics.length) throw new Unsupported("`reveal` of an opaque generic spec fn", s2.sp);
        this.specUsed.add(info.key);
        this.reveals.add(info.key);
        return { t: "true", ty: UNIT };
      }
      case "broadcast-use": {
        const lemmas = this.cvc.checked.broadcastUses.get(s2);
        if (!lemmas) throw new Unsupported("`broadcast use` not resolved by the checking phase", s2.sp);
        for (const info of lemmas) this.assume(st, this.broadcastFact(info, s2.sp));
        return { t: "true", ty: UNIT };
      }
      case "unsupported":
        throw new Unsupported(`unsupported: ${s2.what}`, s2.sp);
    }
  }
  execAssign(e, st, m) {
    const r = this.evOpt(e.rhs, st, m);
    if (!r) return null;
    const place = this.place(e.lhs, st, m);
    let v;
    if (e.op === "=") {
      v = r;
    } else {
      const cur = this.readPlace(place, st);
      v = this.arith(e.op.slice(0, -1), cur, r, st, m, e.sp);
      const placeTy = cur.ty;
      const resTy = v.ty;
      if (placeTy.k === "int" && isMachine(placeTy.kind) && resTy.k === "int" && !isMachine(resTy.kind)) v = this.cast(v, placeTy, e.sp);
    }
    this.writePlace(place, v.t, st);
    return { t: "true", ty: UNIT };
  }
  /**
   * Variables of the enclosing scopes assigned in a loop body (roots of places, &mut arguments,
   * &mut self receivers). A name the body declares again (`let mut k` in the body, a match arm's
   * binding) is the body's own variable from there on: assigning it changes nothing outside.
   */
  modifiedVars(b, st, out) {
    const locals = [];
    const isLocal = (n) => locals.some((l) => l.has(n));
    const add = (r) => {
      if (r && !isLocal(r)) out.add(r);
    };
    const visitE = (e) => {
      if (!e) return;
      switch (e.k) {
        case "assign": {
          const r = rootVar(e.lhs);
          add(r);
          visitE(e.rhs);
          visitE(e.lhs);
          return;
        }
        case "unary":
          if (e.op === "&mut") add(rootVar(e.e));
          visitE(e.e);
          return;
        case "method": {
          const r = rootVar(e.recv);
          if (r && !isLocal(r)) {
            const b2 = st.lookup(r);
            if (b2) {
              const ty = b2.ty;
              if (ty.k === "struct" || ty.k === "enum") {
                for (const [q, infos] of this.crate.fns) {
                  if (q.endsWith("::" + e.name) && infos.some((i) => i.item.params[0]?.isSelf && i.item.params[0].ty.k === "ref" && i.item.params[0].ty.mut)) out.add(r);
                }
              }
            }
          }
          visitE(e.recv);
          e.args.forEach(visitE);
          return;
        }
        case "call":
          e.args.forEach(visitE);
          return;
        case "binary":
          visitE(e.l);
          visitE(e.r);
          return;
        case "chain":
          e.operands.forEach(visitE);
          return;
        case "bullets":
          e.items.forEach(visitE);
          return;
        case "field":
          visitE(e.recv);
          return;
        case "index":
          visitE(e.recv);
          visitE(e.idx);
          return;
        case "view":
        case "cast":
        case "trigger":
          visitE(e.e);
          return;
        case "if":
          visitE(e.cond);
          visitB(e.then);
          visitE(e.els);
          return;
        case "match":
          visitE(e.scrut);
          for (const a of e.arms) {
            locals.push(patBinds(a.pat, /* @__PURE__ */ new Set()));
            visitE(a.guard);
            visitE(a.body);
            locals.pop();
          }
          return;
        case "block":
          visitB(e.block);
          return;
        case "while":
          visitE(e.cond);
          visitB(e.body);
          return;
        case "loop":
          visitB(e.body);
          return;
        case "return":
          visitE(e.e);
          return;
        case "struct":
          e.fields.forEach((f) => visitE(f.e));
          return;
        case "tuple":
        case "array":
          e.elems.forEach(visitE);
          return;
        default:
          return;
      }
    };
    const visitB = (bl) => {
      const mine = /* @__PURE__ */ new Set();
      locals.push(mine);
      for (const s2 of bl.stmts) {
        if (s2.k === "let") {
          visitE(s2.init);
          patBinds(s2.pat, mine);
        } else if (s2.k === "expr") visitE(s2.e);
        else if (s2.k === "proof") visitB(s2.block);
      }
      locals.pop();
    };
    if ("stmts" in b) visitB(b);
    else visitE(b);
  }
  execLoop(e, st, m) {
    const ghostM = { ...m, exec: false, pure: true };
    const line = this.line(e.sp.start);
    for (const inv of e.inv) {
      const v = this.ev(inv, st, ghostM);
      this.oblige(st, "invariant-entry", inv.sp, v.t, inv.sp);
    }
    const mod = /* @__PURE__ */ new Set();
    this.modifiedVars(e.body, st, mod);
    if (e.k === "while") this.modifiedVars(e.cond, st, mod);
    const loopSt = st.clone();
    for (const name of [...mod].sort()) {
      const b = loopSt.lookup(name);
      if (!b) continue;
      const c = this.havoc(name, b.ty);
      loopSt.set(name, { ...b, term: c });
    }
    loopSt.crossed.push({ kind: "loop", name: `loop at line ${line}`, line, sp: e.sp });
    for (const name of [...mod].sort()) this.proofState.mutated(name, st.path);
    for (const inv of e.inv) this.assume(loopSt, this.ev(inv, loopSt, ghostM).t, { kind: "invariant", sp: inv.sp });
    const measure = e.dec.map((d) => {
      const v = this.ev(d, loopSt, ghostM);
      return { t: typeof v.t === "string" ? v.t : this.define("$dec", v), ty: v.ty };
    });
    const base = loopSt.path.length;
    const bodySt = loopSt.clone();
    let cond = "true";
    if (e.k === "while") {
      const c = this.ev(e.cond, bodySt, m);
      cond = c.t;
    }
    const exitSt = bodySt.clone();
    bodySt.path.push(cond);
    if (e.k === "while") this.proofState.branch(cond, { sp: e.cond.sp, negated: false, kind: "loop" });
    bodySt.labels.push(`loop body at line ${line}`);
    bodySt.trace.push({ cond, label: `loop body at line ${line} (an arbitrary iteration)` });
    const ctx = {
      breaks: [],
      check: (s2, sp) => {
        const inLoopScope = s2.clone();
        inLoopScope.scopes = inLoopScope.scopes.slice(0, loopSt.scopes.length);
        for (const inv of e.inv) {
          const v = this.ev(inv, inLoopScope, ghostM);
          this.oblige(s2, "invariant-preserved", sp, v.t, inv.sp);
        }
        if (measure.length) {
          const nm = e.dec.map((d) => this.ev(d, inLoopScope, ghostM));
          this.oblige(s2, "decreases", sp, this.lexLessMeasures(nm, measure, e.dec[0].sp), e.dec[0].sp, "decreases not satisfied at end of loop");
        }
      }
    };
    const guard = (s2) => {
      for (let i = 0; i < loopSt.scopes.length; i++) {
        for (const [name, b] of loopSt.scopes[i]) {
          const after = s2.scopes[i]?.get(name);
          if (after && print(after.term) !== print(b.term) && !mod.has(name)) throw new Unsupported(`the loop changes \`${name}\` in a way the verifier does not track`, e.sp);
        }
      }
    };
    const origCheck = ctx.check;
    ctx.check = (s2, sp) => {
      guard(s2);
      origCheck(s2, sp);
    };
    this.fnCtx.loops.push(ctx);
    const r = this.execBlock(e.body, bodySt, m);
    this.fnCtx.loops.pop();
    for (const b of ctx.breaks) guard(b);
    if (r) ctx.check(bodySt, { start: e.body.sp.end - 1, end: e.body.sp.end });
    const exits = [];
    if (e.k === "while") {
      exitSt.path.push(not(cond));
      this.proofState.branch(exitSt.path[exitSt.path.length - 1], { sp: e.cond.sp, negated: true, kind: "loop" });
      exitSt.labels.push(`loop exit at line ${line}`);
      exitSt.trace.push({ cond: not(cond), label: `loop exit at line ${line}` });
      exits.push(exitSt);
    }
    for (const b of ctx.breaks) {
      b.labels.push(`break from loop at line ${line}`);
      exits.push(b);
    }
    for (const x of exits) {
      for (const en of e.invEnsures) {
        const v = this.ev(en, x, ghostM);
        this.oblige(x, "assertion", en.sp, v.t, en.sp, "loop postcondition not satisfied");
      }
    }
    if (!exits.length) {
      st.path.push("false");
      return null;
    }
    st.scopes = loopSt.scopes.map((s2) => new Map(s2));
    st.path = [...loopSt.path];
    st.crossed = [...loopSt.crossed];
    st.labels = [...loopSt.labels];
    for (const x of exits) while (x.scopes.length > st.scopes.length) x.scopes.pop();
    this.mergeInto(st, exits, base, true);
    if (exits.length === 1) st.labels = [...exits[0].labels];
    for (const en of e.invEnsures) this.assume(st, this.ev(en, st, ghostM).t, { kind: "loop-ensures", sp: en.sp });
    return { t: "true", ty: UNIT };
  }
};
function noteOf(s2) {
  const n = s2.notes?.[0];
  return n ? { kind: n.kind, text: n.text } : void 0;
}

// toolchain/verifier/vcgen/bitvector.ts
function foldBits(op, a, b, kind) {
  const w = BigInt(bits(kind));
  const mod = 1n << w;
  const u = (x) => (x % mod + mod) % mod;
  let r;
  switch (op) {
    case "&":
      r = u(a) & u(b);
      break;
    case "|":
      r = u(a) | u(b);
      break;
    case "^":
      r = u(a) ^ u(b);
      break;
    case "<<":
      if (b < 0n || b >= w) return null;
      r = u(a << b);
      break;
    case ">>":
      if (b < 0n || b >= w) return null;
      r = signed(kind) ? a >> b : u(a) >> b;
      break;
    default:
      return null;
  }
  r = u(r);
  if (signed(kind) && r >= mod >> 1n) r -= mod;
  return r;
}
function bvOp(op, a, b, kind) {
  const w = bits(kind);
  const toBv = (x) => [["_", "int2bv", String(w)], x];
  const fn = op === "&" ? "bvand" : op === "|" ? "bvor" : op === "^" ? "bvxor" : op === "<<" ? "bvshl" : signed(kind) ? "bvashr" : "bvlshr";
  const r = ["bv2nat", [fn, toBv(a), toBv(b)]];
  if (!signed(kind)) return r;
  const half = num(1n << BigInt(w - 1));
  const full = num(1n << BigInt(w));
  return ite([">=", r, half], ["-", r, full], r);
}
var BvTranslator = class {
  constructor(crate, env) {
    this.crate = crate;
    this.env = env;
  }
  crate;
  env;
  bool(e) {
    const r = this.tr(e, null);
    if (r.w !== 0) throw new Unsupported("by(bit_vector) assertion must be boolean", e.sp);
    return r.t;
  }
  tr(e, want) {
    switch (e.k) {
      case "bool":
        return { t: e.value ? "true" : "false", w: 0 };
      case "int": {
        let w = want ?? 0;
        if (e.suffix && isIntKind(e.suffix)) w = bits(e.suffix);
        if (!w) throw new Unsupported("integer literal width unknown in by(bit_vector); add a suffix", e.sp);
        const mod = 1n << BigInt(w);
        if (e.value >= mod) throw new Unsupported("literal too large for its width", e.sp);
        return { t: [["_", "bv" + e.value.toString(), String(w)]][0], w };
      }
      case "path": {
        if (e.segs.length === 2 && isIntKind(e.segs[0]) && e.segs[1] === "MAX") {
          const k = e.segs[0];
          const w = bits(k);
          return { t: ["_", "bv" + ((1n << BigInt(w)) - 1n).toString(), String(w)], w };
        }
        const c = this.crate.constIntValue(e);
        if (e.segs.length === 1) {
          const v = this.env(e.segs[0]);
          if (v) {
            const k = v.ty;
            if (k.k === "bool") return { t: v.sym, w: 0 };
            if (k.k !== "int" || !isMachine(k.kind)) throw new Unsupported("by(bit_vector) supports machine integers only", e.sp);
            return { t: v.sym, w: bits(k.kind) };
          }
        }
        if (c !== null && want) return { t: ["_", "bv" + c.toString(), String(want)], w: want };
        throw new Unsupported("name in by(bit_vector)", e.sp);
      }
      case "unary": {
        if (e.op === "!") {
          const x = this.tr(e.e, want);
          return x.w === 0 ? { t: not(x.t), w: 0 } : { t: ["bvnot", x.t], w: x.w };
        }
        if (e.op === "&" || e.op === "*") return this.tr(e.e, want);
        throw new Unsupported("negation in by(bit_vector)", e.sp);
      }
      case "cast": {
        const to = this.crate.resolveType(e.ty, null);
        if (to.k !== "int" || !isMachine(to.kind) || signed(to.kind)) throw new Unsupported("cast in by(bit_vector)", e.sp);
        const w2 = bits(to.kind);
        let x;
        try {
          x = this.tr(e.e, null);
        } catch {
          x = this.tr(e.e, w2);
        }
        if (x.w === w2) return x;
        if (x.w < w2) return { t: [["_", "zero_extend", String(w2 - x.w)], x.t], w: w2 };
        return { t: [["_", "extract", String(w2 - 1), "0"], x.t], w: w2 };
      }
      case "binary": {
        const op = e.op;
        if (["&&", "||", "==>", "<==>"].includes(op)) {
          const a2 = this.bool(e.l);
          const b2 = this.bool(e.r);
          return { t: op === "&&" ? and(a2, b2) : op === "||" ? or(a2, b2) : op === "==>" ? implies(a2, b2) : eq(a2, b2), w: 0 };
        }
        let a;
        let b;
        try {
          a = this.tr(e.l, want);
          b = this.tr(e.r, a.w || want);
        } catch (err) {
          b = this.tr(e.r, want);
          a = this.tr(e.l, b.w);
          void err;
        }
        if (a.w !== b.w) throw new Unsupported("operands of different widths in by(bit_vector)", e.sp);
        switch (op) {
          case "==":
            return { t: eq(a.t, b.t), w: 0 };
          case "!=":
            return { t: not(eq(a.t, b.t)), w: 0 };
          case "<":
            return { t: ["bvult", a.t, b.t], w: 0 };
          case "<=":
            return { t: ["bvule", a.t, b.t], w: 0 };
          case ">":
            return { t: ["bvugt", a.t, b.t], w: 0 };
          case ">=":
            return { t: ["bvuge", a.t, b.t], w: 0 };
          case "&":
            return { t: ["bvand", a.t, b.t], w: a.w };
          case "|":
            return { t: ["bvor", a.t, b.t], w: a.w };
          case "^":
            return { t: ["bvxor", a.t, b.t], w: a.w };
          case "<<":
            return { t: ["bvshl", a.t, b.t], w: a.w };
          case ">>":
            return { t: ["bvlshr", a.t, b.t], w: a.w };
          case "/":
            return { t: ["bvudiv", a.t, b.t], w: a.w };
          case "%":
            return { t: ["bvurem", a.t, b.t], w: a.w };
        }
        throw new Unsupported(`operator \`${op}\` in by(bit_vector) (its integer meaning differs from wrapping bit-vector arithmetic)`, e.sp);
      }
      case "chain":
        throw new Unsupported("chained comparison in by(bit_vector)", e.sp);
      default:
        throw new Unsupported("expression in by(bit_vector)", e.sp);
    }
  }
};
var BitVectorMethods = class {
  bitVectorAssert(s2, st) {
    const vars = /* @__PURE__ */ new Map();
    const bvEnv = (name) => {
      const b = st.lookup(name);
      if (!b) return null;
      let v = vars.get(name);
      if (!v) {
        v = { ty: b.ty, sym: quote(name) };
        vars.set(name, v);
      }
      return v;
    };
    const tr = new BvTranslator(this.crate, bvEnv);
    const reqs = s2.req.map((r) => tr.bool(r));
    const goal = tr.bool(s2.e);
    const decls = [];
    for (const [, v] of [...vars].sort()) {
      const k = v.ty;
      if (k.k !== "int" || !isMachine(k.kind) || signed(k.kind)) throw new Unsupported("by(bit_vector) supports unsigned machine integers only", s2.sp);
      decls.push(`(declare-const ${v.sym} (_ BitVec ${bits(k.kind)}))`);
    }
    const ob = this.makeOb(st, "assertion", s2.sp, "true");
    this.pending.set(ob, { query: { mbqi: false, options: [], prelude: [], decls, facts: reqs, goal } });
    ob.scope = ob.scope.filter((v) => vars.has(v.name));
    this.obligations.push(ob);
    for (const r of s2.req) this.oblige(st, "assertion", r.sp, this.ev(r, st, { exec: false, pure: true, nonlinear: false, bound: /* @__PURE__ */ new Set(), triggers: null, path: [] }).t, r.sp, "requires of by(bit_vector) not satisfied");
    this.assume(st, this.ev(s2.e, st, { exec: false, pure: true, nonlinear: false, bound: /* @__PURE__ */ new Set(), triggers: null, path: [] }).t);
  }
  nonlinearAssert(s2, st) {
    const sub = new FnGen(this.cvc, this.info);
    sub.nonlinearFn = true;
    const s22 = new State();
    const names = /* @__PURE__ */ new Set();
    const collect = (e) => {
      JSON.stringify(e, (k, v) => {
        if (v && typeof v === "object" && v.k === "path" && Array.isArray(v.segs) && v.segs.length === 1) names.add(v.segs[0]);
        return typeof v === "bigint" ? v.toString() : v;
      });
    };
    collect(s2.e);
    s2.req.forEach(collect);
    for (const n of [...names].sort()) {
      const b = st.lookup(n);
      if (!b) continue;
      const c = sub.havoc(n, b.ty);
      s22.declare(n, { ty: b.ty, term: c, mut: false });
    }
    const nm = { exec: false, pure: true, nonlinear: true, bound: /* @__PURE__ */ new Set(), triggers: null, path: [] };
    for (const r of s2.req) sub.assume(s22, sub.ev(r, s22, nm).t);
    const goal = sub.ev(s2.e, s22, nm).t;
    sub.oblige(s22, "assertion", s2.sp, goal);
    sub.finish();
    for (const ob of sub.obligations) {
      const o2 = this.makeOb(st, "assertion", s2.sp, "true");
      this.pending.set(o2, { query: ob.query });
      o2.scope = o2.scope.filter((v) => names.has(v.name));
      this.obligations.push(o2);
    }
    const gm = { exec: false, pure: true, nonlinear: false, bound: /* @__PURE__ */ new Set(), triggers: null, path: [] };
    for (const r of s2.req) this.oblige(st, "assertion", r.sp, this.ev(r, st, gm).t, r.sp, "requires of by(nonlinear_arith) not satisfied");
    this.assume(st, this.ev(s2.e, st, gm).t);
  }
};

// toolchain/verifier/vcgen/expr.ts
function isNumeral(t) {
  if (typeof t === "string") return /^\d+$/.test(t) ? BigInt(t) : null;
  if (t.length === 2 && t[0] === "-" && typeof t[1] === "string" && /^\d+$/.test(t[1])) return -BigInt(t[1]);
  return null;
}
function knownRange(t) {
  const c = isNumeral(t);
  if (c !== null) return [c, c];
  if (!Array.isArray(t)) return null;
  if (t[0] === "mod" && t.length === 3) {
    const d = isNumeral(t[2]);
    if (d !== null && d > 0n) return [0n, d - 1n];
  }
  if (t[0] === "bv2nat" && Array.isArray(t[1]) && Array.isArray(t[1][1]) && Array.isArray(t[1][1][0]) && t[1][1][0][1] === "int2bv") {
    const w = BigInt(String(t[1][1][0][2]));
    return [0n, (1n << w) - 1n];
  }
  return null;
}
function foldConst(op, a, b) {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    default:
      return null;
  }
}
var ExprMethods = class {
  evalPure(e, st, m, allowOld = false) {
    void allowOld;
    return this.ev(e, st, { ...m, pure: true, exec: false });
  }
  evalBlockPure(b, st, m) {
    const s2 = st.clone();
    s2.push();
    let last = { t: "true", ty: UNIT };
    for (let i = 0; i < b.stmts.length; i++) {
      const s3 = b.stmts[i];
      if (s3.k === "let") {
        if (!s3.init) throw new Unsupported("`let` without initializer in spec code", s3.sp);
        const declTy = s3.ty ? this.synTy(s3.ty) : null;
        const v = this.ev(s3.init, s2, m);
        const ty = declTy ?? v.ty;
        this.bindPat(s3.pat, { t: v.t, ty }, s2, m, false);
      } else if (s3.k === "expr") {
        if (i !== b.stmts.length - 1 || s3.semi) throw new Unsupported("statements in spec code", s3.sp);
        last = this.ev(s3.e, s2, m);
      } else if (s3.k === "assert" || s3.k === "assume" || s3.k === "proof" || s3.k === "reveal" || s3.k === "broadcast-use") {
      } else throw new Unsupported("statement in spec code", s3.sp);
    }
    return last;
  }
  /** Unified evaluator. In non-pure mode it may extend facts/obligations and update `st`;
   * returns null when control does not continue (return/break/continue). */
  ev(e, st, m) {
    const r = this.evOpt(e, st, m);
    if (!r) throw new DivergeSignal();
    return r;
  }
  evOpt(e, st, m) {
    switch (e.k) {
      case "int": {
        if (e.suffix) {
          if (!isIntKind(e.suffix)) throw new Unsupported(`integer suffix ${e.suffix}`, e.sp);
          return { t: num(e.value), ty: { k: "int", kind: e.suffix } };
        }
        const ty = this.cvc.checked.exprTypes.get(e);
        if (!ty) throw new Error(`the checking phase left the literal at offset ${e.sp.start} untyped`);
        return { t: num(e.value), ty };
      }
      case "bool":
        return { t: e.value ? "true" : "false", ty: BOOL };
      case "path":
        return this.evPath(e, st, m);
      case "unary":
        return this.evUnary(e, st, m);
      case "binary":
        return this.evBinary(e, st, m);
      case "chain": {
        const vals = [];
        for (const o of e.operands) vals.push(this.ev(o, st, m));
        const cs = [];
        for (let i = 0; i < e.ops.length; i++) cs.push(this.compare(e.ops[i], vals[i], vals[i + 1], e.sp).t);
        return { t: and(...cs), ty: BOOL };
      }
      case "bullets": {
        if (m.pure || !m.exec) {
          const items = e.items.map((x, i) => this.ev(x, st, { ...m, path: e.op === "&&" ? [...m.path, ...e.items.slice(0, i).map((y) => this.ev(y, st, m).t)] : m.path }).t);
          return { t: e.op === "&&" ? and(...items) : or(...items), ty: BOOL };
        }
        return this.ev(e.items.reduce((a, b) => ({ k: "binary", op: e.op, l: a, r: b, sp: e.sp })), st, m);
      }
      case "call":
        return this.evCall(e, st, m);
      case "method":
        return this.evMethod(e, st, m);
      case "field": {
        const r = this.ev(e.recv, st, m);
        return this.field(r, e.name, e.sp);
      }
      case "index": {
        const r = this.ev(e.recv, st, m);
        const i = this.ev(e.idx, st, m);
        return this.index(r, i, st, m, e.sp);
      }
      case "view": {
        const r = this.ev(e.e, st, m);
        const ty = r.ty;
        if (ty.k === "array") return { t: r.t, ty: { k: "seq", elem: ty.elem } };
        return r;
      }
      case "cast": {
        const v = this.ev(e.e, st, m);
        const to = this.synTy(e.ty);
        return this.cast(v, to, e.sp);
      }
      case "if":
        return this.evIf(e, st, m);
      case "match":
        return this.evMatch(e, st, m);
      case "block":
        if (m.pure) return this.evalBlockPure(e.block, st, m);
        return this.execBlock(e.block, st, m);
      case "closure":
        throw new Unsupported("closure", e.sp);
      case "quant":
        return this.evQuant(e, st, m);
      case "struct":
        return this.evStruct(e, st, m);
      case "tuple": {
        if (e.elems.length === 0) return { t: this.sorts.datatype(UNIT).ctors[0].ctor, ty: UNIT };
        const vs = e.elems.map((x) => this.ev(x, st, m));
        const ty = { k: "tuple", elems: vs.map((v) => v.ty) };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[0].ctor, ...vs.map((v) => v.t)], ty };
      }
      case "array": {
        if (!e.elems.length) throw new Unsupported("empty array literal", e.sp);
        const vs = e.elems.map((x) => this.ev(x, st, m));
        const elemTy = vs[0].ty;
        const ty = { k: "array", elem: elemTy, len: vs.length };
        return { t: this.seqLit(ty, vs.map((v) => v.t)), ty };
      }
      case "array-rep": {
        const v = this.ev(e.elem, st, m);
        const n = this.crate.constIntValue(e.len);
        if (n === null) throw new Unsupported("array length must be constant", e.len.sp);
        const elemTy = v.ty;
        const ty = { k: "array", elem: elemTy, len: Number(n) };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[0].ctor, num(n), [this.seqFun("rep", elemTy), v.t, num(n)]], ty };
      }
      case "macro":
        return this.evMacro(e, st, m);
      case "trigger": {
        const v = this.ev(e.e, st, m);
        if (m.triggers) m.triggers.push(v.t);
        return v;
      }
      case "return": {
        if (m.pure) throw new Unsupported("`return` in spec code", e.sp);
        const v = e.e ? this.ev(e.e, st, m) : { t: "true", ty: UNIT };
        this.fnCtx.returns(st, v, e.sp);
        return null;
      }
      case "break": {
        const l = this.fnCtx?.loops[this.fnCtx.loops.length - 1];
        if (!l || m.pure) throw new Unsupported("`break` outside a loop", e.sp);
        l.breaks.push(st.clone());
        return null;
      }
      case "continue": {
        const l = this.fnCtx?.loops[this.fnCtx.loops.length - 1];
        if (!l || m.pure) throw new Unsupported("`continue` outside a loop", e.sp);
        l.check(st, e.sp);
        return null;
      }
      case "while":
      case "loop":
        if (m.pure) throw new Unsupported("loop in spec code", e.sp);
        return this.execLoop(e, st, m);
      case "assign":
        if (m.pure) throw new Unsupported("assignment in spec code", e.sp);
        return this.execAssign(e, st, m);
      case "unsupported":
        throw new Unsupported(`unsupported: ${e.what}`, e.sp);
    }
  }
  evPath(e, st, m) {
    const segs = e.segs;
    const last = segs[segs.length - 1];
    if (segs.length === 1) {
      const b = st.lookup(last);
      if (b) return { t: b.term, ty: b.ty };
      const gp = this.cur.item.genericParams?.find((p) => p.name === last && p.kind === "const");
      if (gp) return { t: this.constParamValue(last), ty: { k: "int", kind: "usize" } };
    }
    if (segs.length === 2 && isIntKind(segs[0]) && (last === "MAX" || last === "MIN" || last === "BITS")) {
      const k = segs[0];
      const r = intRange(k);
      if (last === "BITS") return { t: num(bits(k)), ty: { k: "int", kind: "u32" } };
      const v = last === "MAX" ? r.max : r.min;
      if (v === null) throw new Unsupported(`${segs.join("::")}`, e.sp);
      return { t: num(v), ty: { k: "int", kind: k } };
    }
    const variant = this.findVariant(segs, e.sp, void 0, e);
    if (variant) {
      if (variant.ctor.fields.length) throw new Unsupported("enum variant constructor used as a value", e.sp);
      return { t: variant.ctor.ctor, ty: variant.ty };
    }
    const cname = segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2]) ? `${segs[segs.length - 2] === "Self" ? this.cur.item.selfType : segs[segs.length - 2]}::${last}` : last;
    const c = this.crate.constItem(cname, e.sp) ?? (cname !== last ? null : null);
    if (c) {
      const ty = this.crate.resolveType(c.ty, c.selfType);
      const cst = new State();
      const v = this.ev(c.value, cst, this.specMode([]));
      return { t: v.t, ty };
    }
    if (segs.length === 1 && last === "None") return { t: this.placeholder(["$none"], e.sp), ty: UNIT };
    throw new ResolveError(`cannot find value \`${segs.join("::")}\``, e.sp);
  }
  /** `at`: the expression naming the variant (its checked type gives a generic enum's arguments). */
  findVariant(segs, sp, expected, at) {
    const last = segs[segs.length - 1];
    if (segs.length === 1 && (last === "Some" || last === "None")) {
      if (expected && expected.k === "enum" && expected.name === "Option") {
        const dt2 = this.sorts.datatype(expected);
        return { ty: expected, dt: dt2, ctor: dt2.ctors.find((c) => c.name === last) };
      }
      return null;
    }
    if (segs.length < 2) return null;
    let en = segs[segs.length - 2];
    if (en === "Self") en = this.cur.item.selfType ?? en;
    if (en === "Option" && expected) return this.findVariant([last], sp, expected);
    const item = this.crate.enumItem(en);
    if (!item) return null;
    const recorded = item.generics.length && !expected && at ? this.cvc.checked.exprTypes.get(at) : void 0;
    if (item.generics.length && !expected && recorded?.k !== "enum") throw new ResolveError(`type annotations needed for \`${en}::${last}\``, sp);
    const ty = !item.generics.length ? { k: "enum", name: en, args: [] } : expected?.k === "enum" && expected.name === en ? expected : this.instTy(recorded);
    const dt = this.sorts.datatype(ty);
    const ctor = dt.ctors.find((c) => c.name === last);
    if (!ctor) throw new ResolveError(`no variant \`${last}\` in enum \`${en}\``, sp);
    return { ty, dt, ctor };
  }
  evUnary(e, st, m) {
    if (e.op === "&" || e.op === "&mut" || e.op === "*") return this.ev(e.e, st, m);
    const v = this.ev(e.e, st, m);
    const ty = v.ty;
    if (e.op === "!") {
      if (ty.k === "bool") return { t: not(v.t), ty: BOOL };
      if (ty.k === "int" && isMachine(ty.kind)) {
        if (signed(ty.kind)) return { t: ["-", ["-", v.t], "1"], ty };
        return { t: ["-", num(intRange(ty.kind).max), v.t], ty };
      }
      throw new Unsupported("`!` on this type", e.sp);
    }
    const c = isNumeral(v.t);
    if (c !== null) return { t: num(-c), ty: ty.k === "int" && !m.exec ? INT : v.ty };
    if (ty.k === "int" && m.exec && isMachine(ty.kind)) {
      if (!signed(ty.kind)) throw new ResolveError("cannot negate an unsigned integer", e.sp);
      this.oblige(st, "overflow", e.sp, ["<", num(intRange(ty.kind).min), v.t]);
      return { t: ["-", v.t], ty };
    }
    return { t: ["-", v.t], ty: m.exec ? v.ty : INT };
  }
  compare(op, a, b, sp) {
    a = this.fit(a, b.ty);
    b = this.fit(b, a.ty);
    switch (op) {
      case "==":
      case "=~=":
      case "===":
        return { t: eq(a.t, b.t), ty: BOOL };
      case "!=":
      case "!~=":
      case "!==":
        return { t: not(eq(a.t, b.t)), ty: BOOL };
      case "<":
      case "<=":
      case ">":
      case ">=":
        return { t: [op, a.t, b.t], ty: BOOL };
    }
    throw new ResolveError(`bad comparison ${op}`, sp);
  }
  evBinary(e, st, m) {
    const op = e.op;
    if (op === "&&" || op === "||" || op === "==>" || op === "<==" || op === "<==>") {
      const l2 = this.ev(e.l, st, m);
      if (op === "<==>") return { t: eq(l2.t, this.ev(e.r, st, m).t), ty: BOOL };
      if (op === "<==") return { t: implies(this.ev(e.r, st, m).t, l2.t), ty: BOOL };
      const guard = op === "||" ? not(l2.t) : l2.t;
      if (m.pure || !m.exec) {
        const r3 = this.ev(e.r, st, { ...m, path: [...m.path, guard] });
        return { t: op === "&&" ? and(l2.t, r3.t) : op === "||" ? or(l2.t, r3.t) : implies(l2.t, r3.t), ty: BOOL };
      }
      const base = st.path.length;
      const s2 = st.clone();
      s2.path.push(guard);
      const s3 = st.clone();
      s3.path.push(not(guard));
      let r2;
      try {
        r2 = this.evOpt(e.r, s2, m);
      } catch (err) {
        if (!(err instanceof DivergeSignal)) throw err;
        r2 = null;
      }
      if (!r2) {
        this.mergeInto(st, [s3], base, true);
        return { t: op === "&&" ? "false" : "true", ty: BOOL };
      }
      this.mergeInto(st, [s2, s3], base, true);
      return { t: op === "&&" ? and(l2.t, r2.t) : op === "||" ? or(l2.t, r2.t) : implies(l2.t, r2.t), ty: BOOL };
    }
    const l = this.ev(e.l, st, m);
    const r = this.ev(e.r, st, m);
    if (["==", "!=", "<", "<=", ">", ">=", "=~=", "!~=", "===", "!=="].includes(op)) return this.compare(op, l, r, e.sp);
    return this.arith(op, l, r, st, m, e.sp);
  }
  arith(op, l, r, st, m, sp) {
    const lt = l.ty;
    const rt = r.ty;
    if (lt.k === "seq" && op === "+") return this.seqOp("add", { t: l.t, ty: lt }, [r], sp);
    if (lt.k === "bool" && (op === "&" || op === "|" || op === "^")) {
      return { t: op === "&" ? and(l.t, r.t) : op === "|" ? or(l.t, r.t) : not(eq(l.t, r.t)), ty: BOOL };
    }
    if (lt.k !== "int" || rt.k !== "int") throw new ResolveError(`operator \`${op}\` needs integer operands, found ${tyStr(lt)} and ${tyStr(rt)}`, sp);
    let kind = lt.k === "int" ? lt.kind : rt.k === "int" && op !== "<<" && op !== ">>" ? rt.kind : null;
    if (op === "<<" || op === ">>") kind = lt.k === "int" ? lt.kind : null;
    const a = l.t;
    const b = r.t;
    const ca = isNumeral(a);
    const cb = isNumeral(b);
    const exec = m.exec && (kind === null || isMachine(kind));
    const resTy = exec ? { k: "int", kind } : (op === "<<" || op === ">>" || op === "&" || op === "|" || op === "^") && kind ? { k: "int", kind } : INT;
    const range = kind ? intRange(kind) : { min: null, max: null };
    let t;
    switch (op) {
      case "+":
        t = ["+", a, b];
        break;
      case "-":
        t = ["-", a, b];
        break;
      case "*":
        if (ca !== null || cb !== null || m.nonlinear || this.nonlinearFn) t = ["*", a, b];
        else {
          this.usesMul = true;
          t = ["|uf.mul|", a, b];
        }
        break;
      case "/":
      case "%": {
        if (exec || m.exec) this.oblige(st, "division-by-zero", sp, not(eq(b, "0")));
        const trunc = exec && kind !== null && signed(kind);
        if (cb !== null && cb !== 0n) {
          const base = op === "/" ? "div" : "mod";
          if (trunc) t = ite([">=", a, "0"], [base, a, b], ["-", [base, ["-", a], b]]);
          else t = [base, a, b];
          if (trunc && op === "/" && cb < 0n) {
            t = ["-", ite([">=", a, "0"], ["div", a, num(-cb)], ["-", ["div", ["-", a], num(-cb)]])];
          }
          if (trunc && op === "%" && cb < 0n) t = ite([">=", a, "0"], ["mod", a, num(-cb)], ["-", ["mod", ["-", a], num(-cb)]]);
        } else {
          const base = op === "/" ? "div" : "mod";
          if (trunc) {
            const absQ = ["div", ite([">=", a, "0"], a, ["-", a]), ite([">=", b, "0"], b, ["-", b])];
            const q = ite(eq([">=", a, "0"], [">=", b, "0"]), absQ, ["-", absQ]);
            t = op === "/" ? q : ["-", a, ["*", b, q]];
            if (op === "%") t = ite([">=", a, "0"], ["mod", a, ite([">=", b, "0"], b, ["-", b])], ["-", ["mod", ["-", a], ite([">=", b, "0"], b, ["-", b])]]);
          } else t = [base, a, b];
        }
        if (exec && trunc && (cb === null || cb === -1n) && (ca === null || ca === range.min)) this.oblige(st, "overflow", sp, not(and(eq(a, num(range.min)), eq(b, num(-1)))));
        return { t, ty: resTy };
      }
      case "&":
      case "|":
      case "^":
      case "<<":
      case ">>": {
        if (!kind || !isMachine(kind)) throw new ResolveError(`bit operator \`${op}\` needs machine integer operands`, sp);
        const w = bits(kind);
        if (op === "<<" || op === ">>") {
          if (exec || m.exec) this.oblige(st, "overflow", sp, and(["<=", "0", b], ["<", b, num(w)]), void 0, "possible bit shift underflow/overflow: the shift amount must be at least 0 and less than the bit width");
        }
        if (ca !== null && cb !== null) {
          const v = foldBits(op, ca, cb, kind);
          if (v !== null) return { t: num(v), ty: { k: "int", kind } };
        }
        t = bvOp(op, a, b, kind);
        return { t, ty: { k: "int", kind } };
      }
      default:
        throw new ResolveError(`unknown operator ${op}`, sp);
    }
    if (ca !== null && cb !== null) {
      const v = foldConst(op, ca, cb);
      if (v !== null) t = num(v);
    }
    if (exec && kind) {
      if (range.max !== null && (op === "+" || op === "*" || signed(kind))) this.oblige(st, "overflow", sp, ["<=", t, num(range.max)]);
      if (range.min !== null && (op === "-" || signed(kind))) this.oblige(st, "underflow", sp, ["<=", num(range.min), t]);
    }
    return { t, ty: resTy };
  }
  cast(v, to, sp) {
    const from = v.ty;
    const tn = to;
    if (tn.k !== "int") {
      if (tyEq(from, tn)) return v;
      throw new Unsupported(`cast to ${tyStr(tn)}`, sp);
    }
    if (from.k === "bool") return { t: ite(v.t, "1", "0"), ty: tn };
    if (from.k !== "int") throw new Unsupported(`cast from ${tyStr(from)}`, sp);
    if (tn.kind === "nat") return { t: intRange(from.kind).min !== null && intRange(from.kind).min >= 0n ? v.t : ite([">=", v.t, "0"], v.t, "0"), ty: tn };
    if (!isMachine(tn.kind)) return { t: v.t, ty: tn };
    const c = isNumeral(v.t);
    const w = BigInt(bits(tn.kind));
    const mod = 1n << w;
    if (c !== null) {
      let x = (c % mod + mod) % mod;
      if (signed(tn.kind) && x >= mod >> 1n) x -= mod;
      return { t: num(x), ty: tn };
    }
    const kr = knownRange(v.t);
    if (kr) {
      const tr2 = intRange(tn.kind);
      if (kr[0] >= tr2.min && kr[1] <= tr2.max) return { t: v.t, ty: tn };
    }
    if (from.k === "int") {
      const fr = intRange(from.kind);
      const tr2 = intRange(tn.kind);
      if (fr.min !== null && fr.max !== null && fr.min >= tr2.min && fr.max <= tr2.max) return { t: v.t, ty: tn };
    }
    const tr = intRange(tn.kind);
    const inRange = and(["<=", num(tr.min), v.t], ["<=", v.t, num(tr.max)]);
    if (signed(tn.kind)) {
      const half = num(mod >> 1n);
      return { t: ite(inRange, v.t, ["-", ["mod", ["+", v.t, half], num(mod)], half]), ty: tn };
    }
    return { t: ite(inRange, v.t, ["mod", v.t, num(mod)]), ty: tn };
  }
  field(r, name, sp) {
    const ty = r.ty;
    if (ty.k === "struct" || ty.k === "tuple") {
      const dt = this.sorts.datatype(ty);
      const f = dt.ctors[0].fields.find((x) => x.name === name);
      if (!f) throw new ResolveError(`no field \`${name}\` on type ${tyStr(ty)}`, sp);
      if (Array.isArray(r.t) && r.t[0] === dt.ctors[0].ctor) return { t: r.t[1 + dt.ctors[0].fields.indexOf(f)], ty: f.ty };
      return { t: [f.acc, r.t], ty: f.ty };
    }
    throw new ResolveError(`no field \`${name}\` on type ${tyStr(ty)}`, sp);
  }
  index(r, i, st, m, sp) {
    const ty = r.ty;
    if (ty.k === "seq" || ty.k === "array") {
      const dt = this.sorts.datatype(ty);
      const len = ty.k === "array" ? this.lenTerm(ty.len) : [dt.ctors[0].fields[0].acc, r.t];
      if (m.exec && !m.pure) this.oblige(st, "index-bounds", sp, and(["<=", "0", i.t], ["<", i.t, len]));
      return { t: ["select", [dt.ctors[0].fields[1].acc, r.t], i.t], ty: ty.elem };
    }
    if (ty.k === "map") {
      const dt = this.sorts.datatype(ty);
      return { t: ["select", [dt.ctors[0].fields[1].acc, r.t], i.t], ty: ty.val };
    }
    throw new ResolveError(`cannot index into ${tyStr(ty)}`, sp);
  }
  evIf(e, st, m) {
    const c = this.ev(e.cond, st, m);
    if (m.pure) {
      const a = this.evalBlockPure(e.then, st, { ...m, path: [...m.path, c.t] });
      if (!e.els) return { t: "true", ty: UNIT };
      let b = this.ev(e.els, st, { ...m, path: [...m.path, not(c.t)] });
      let a2 = a;
      const isPh = (v) => Array.isArray(v.t) && (v.t[0] === "$none" || v.t[0] === "$empty");
      if (isPh(a) && isPh(b) && print(a.t) === print(b.t)) return a;
      if (isPh(a)) a2 = this.fit(a, b.ty);
      if (isPh(b)) b = this.fit(b, a2.ty);
      return { t: ite(c.t, a2.t, b.t), ty: a2.ty };
    }
    const pos = this.lineCol(e.sp.start);
    const base = st.path.length;
    const s1 = st.clone();
    s1.path.push(c.t);
    this.proofState.branch(c.t, { sp: e.cond.sp, negated: false, kind: "if" });
    s1.labels.push(`then-branch at ${pos}`);
    s1.trace.push({ cond: c.t, label: `then-branch at ${pos}` });
    const s2 = st.clone();
    s2.path.push(not(c.t));
    this.proofState.branch(s2.path[s2.path.length - 1], { sp: e.cond.sp, negated: true, kind: "if" });
    s2.labels.push(`else-branch at ${pos}`);
    s2.trace.push({ cond: not(c.t), label: `else-branch at ${pos}` });
    const v1 = this.execBlock(e.then, s1, m);
    const v2 = e.els ? this.evOpt(e.els, s2, m) : { t: "true", ty: UNIT };
    const live = [];
    if (v1) live.push({ s: s1, v: v1 });
    if (v2) live.push({ s: s2, v: v2 });
    return this.mergeValues(st, live, base);
  }
  evMatch(e, st, m) {
    const s2 = this.ev(e.scrut, st, m);
    let scrut = s2;
    if (!m.pure && typeof s2.t !== "string") scrut = { t: this.define("$scrut", s2), ty: s2.ty };
    const arms = [];
    for (const arm of e.arms) {
      const binds = [];
      const cond = this.patCond(arm.pat, scrut, binds, arm.pat.sp);
      arms.push({ cond, binds, arm });
    }
    if (m.pure) {
      const vals = [];
      let prev2 = [];
      for (const a of arms) {
        const s22 = st.clone();
        s22.push();
        for (const [n, v2] of a.binds) s22.declare(n, { ty: v2.ty, term: v2.t, mut: false });
        let c = a.cond;
        if (a.arm.guard) c = and(c, this.ev(a.arm.guard, s22, m).t);
        const v = this.ev(a.arm.body, s22, { ...m, path: [...m.path, ...prev2.map(not), c] });
        vals.push({ c, v });
        prev2 = [...prev2, c];
      }
      if (!vals.length) throw new Unsupported("empty match", e.sp);
      const isPh = (v) => Array.isArray(v.t) && (v.t[0] === "$none" || v.t[0] === "$empty");
      const typed = vals.filter((v) => !isPh(v.v));
      if (typed.length) {
        const pty = typed[0].v.ty;
        for (const v of vals) if (isPh(v.v)) v.v = this.fit(v.v, pty);
      } else if (vals.every((v) => print(v.v.t) === print(vals[0].v.t))) return vals[0].v;
      let t = vals[vals.length - 1].v.t;
      for (let i = vals.length - 2; i >= 0; i--) t = ite(vals[i].c, vals[i].v.t, t);
      return { t, ty: vals[0].v.ty };
    }
    const base = st.path.length;
    const live = [];
    const prev = [];
    for (const a of arms) {
      const s22 = st.clone();
      s22.push();
      for (const [n, v2] of a.binds) {
        const c2 = typeof v2.t === "string" ? v2.t : this.define(n, v2);
        s22.declare(n, { ty: v2.ty, term: c2, mut: false });
      }
      let c = a.cond;
      if (a.arm.guard) c = and(c, this.ev(a.arm.guard, s22, { ...m, pure: true, exec: false }).t);
      s22.path.push(and(...prev.map(not), c));
      this.proofState.branch(s22.path[s22.path.length - 1], { sp: a.arm.pat.sp, negated: false, kind: "match-arm" });
      s22.labels.push(`match arm at ${this.lineCol(a.arm.sp.start)}`);
      s22.trace.push({ cond: s22.path[s22.path.length - 1], label: `match arm at ${this.lineCol(a.arm.sp.start)}` });
      prev.push(c);
      const v = this.evOpt(a.arm.body, s22, m);
      s22.pop();
      if (v) live.push({ s: s22, v });
    }
    return this.mergeValues(st, live, base);
  }
  /** Condition for `pat` to match `v`, collecting bindings. */
  patCond(p, v, binds, sp) {
    switch (p.k) {
      case "wild":
        return "true";
      case "bind":
        binds.push([p.name, v]);
        return "true";
      case "lit": {
        const lv = this.ev(p.value, new State(), this.specMode([]));
        return eq(v.t, lv.t);
      }
      case "or": {
        const cs = p.alts.map((a) => {
          const b = [];
          const c = this.patCond(a, v, b, sp);
          if (b.length) throw new Unsupported("bindings in or-patterns", p.sp);
          return c;
        });
        return or(...cs);
      }
      case "tuple": {
        const ty = v.ty;
        if (ty.k !== "tuple") throw new ResolveError("tuple pattern on non-tuple", p.sp);
        return and(...p.elems.map((q, i) => this.patCond(q, this.field(v, String(i), p.sp), binds, sp)));
      }
      case "variant": {
        const ty = v.ty;
        const vr = this.findVariant(p.path, p.sp, ty);
        if (!vr) {
          if (ty.k === "struct" && p.path[p.path.length - 1] === ty.name) {
            return and(...(p.fields ?? []).map((f) => this.patCond(f.pat, this.field(v, f.name, p.sp), binds, sp)));
          }
          throw new ResolveError(`cannot resolve pattern \`${p.path.join("::")}\``, p.sp);
        }
        const ctor = vr.ctor;
        const conds = [vr.dt.ctors.length > 1 ? [["_", "is", ctor.tester], v.t] : "true"];
        if (p.args) {
          p.args.forEach((q, i) => {
            const f = ctor.fields[i];
            if (!f) throw new ResolveError("too many fields in pattern", q.sp);
            conds.push(this.patCond(q, { t: [f.acc, v.t], ty: f.ty }, binds, sp));
          });
        }
        if (p.fields) {
          for (const fp of p.fields) {
            const f = ctor.fields.find((x) => x.name === fp.name);
            if (!f) throw new ResolveError(`no field ${fp.name}`, p.sp);
            conds.push(this.patCond(fp.pat, { t: [f.acc, v.t], ty: f.ty }, binds, sp));
          }
        }
        return and(...conds);
      }
    }
  }
  bindPat(p, v, st, m, mut) {
    if (p.k === "bind") {
      st.declare(p.name, { ty: v.ty, term: v.t, mut: mut || p.mut });
      return;
    }
    if (p.k === "wild") return;
    if (p.k === "tuple") {
      p.elems.forEach((q, i) => this.bindPat(q, this.field(v, String(i), p.sp), st, m, mut));
      return;
    }
    throw new Unsupported("refutable pattern in `let`", p.sp);
  }
  evStruct(e, st, m) {
    const last = e.path[e.path.length - 1];
    let ty;
    let ctor;
    const vr = e.path.length >= 2 ? this.findVariant(e.path, e.sp, void 0, e) : null;
    if (vr) {
      ty = vr.ty;
      ctor = vr.ctor;
    } else {
      const name = last === "Self" ? this.cur.item.selfType : last;
      this.crate.struct(name, e.sp);
      const recorded = this.cvc.checked.exprTypes.get(e);
      if (!recorded || recorded.k !== "struct") throw new ResolveError(`type annotations needed for \`${name}\``, e.sp);
      ty = this.instTy(recorded);
      ctor = this.sorts.datatype(ty).ctors[0];
    }
    const vals = /* @__PURE__ */ new Map();
    for (const f of e.fields) vals.set(f.name, this.ev(f.e, st, m));
    const base = e.base ? this.ev(e.base, st, m) : null;
    const args = ctor.fields.map((f) => {
      const v = vals.get(f.name);
      if (v) return this.fit(v, f.ty).t;
      if (base) return [f.acc, base.t];
      throw new ResolveError(`missing field \`${f.name}\``, e.sp);
    });
    for (const k of vals.keys()) if (!ctor.fields.some((f) => f.name === k)) throw new ResolveError(`no field \`${k}\``, e.sp);
    return { t: args.length ? [ctor.ctor, ...args] : ctor.ctor, ty };
  }
  evMacro(e, st, m) {
    if (e.name === "seq") {
      if (!e.args.length) throw new Unsupported("empty seq![] needs a type", e.sp);
      const vs = e.args.map((a) => this.ev(a, st, m));
      const elem = this.specElemTy(vs);
      const ty = { k: "seq", elem };
      return { t: this.seqLit(ty, vs.map((v) => v.t)), ty };
    }
    if (e.name === "set") {
      if (!e.args.length) throw new Unsupported("empty set![] needs a type", e.sp);
      const vs = e.args.map((a) => this.ev(a, st, m));
      const elem = this.specElemTy(vs);
      let t = [["as", "const", ["Array", sortOf(elem), "Bool"]], "false"];
      for (const v of vs) t = ["store", t, v.t, "true"];
      return { t, ty: { k: "set", elem } };
    }
    throw new Unsupported(`macro \`${e.name}!\``, e.sp);
  }
  specElemTy(vs) {
    return vs[0]?.ty ?? INT;
  }
};

// toolchain/verifier/vcgen/collections.ts
var CollectionMethods = class {
  /** Array-level helper functions of Seq<E>: sub (subrange), cat (concatenation), rep ([v; n]). */
  seqFun(kind, elem) {
    const key = sortKey({ k: "seq", elem });
    const name = quote(`${key}.${kind}`);
    if (this.axioms.has(name)) return name;
    const E = sortOf(elem);
    const A = ["Array", "Int", E];
    const d = this.sorts.dflt(elem);
    const origin = { k: "axiom", name: `${key}.${kind}` };
    let lines2;
    if (kind === "sub") {
      const app = [name, "a", "i", "n"];
      lines2 = [
        `(declare-fun ${name} (${print(A)} Int Int) ${print(A)})`,
        ["assert", quantifier("forall", [["a", A], ["i", "Int"], ["n", "Int"], ["k", "Int"]], ["=", ["select", app, "k"], ["ite", ["and", ["<=", "0", "k"], ["<", "k", "n"]], ["select", "a", ["+", "k", "i"]], d]], [[["select", app, "k"]]], origin)]
      ];
    } else if (kind === "cat") {
      const app = [name, "a", "la", "b"];
      lines2 = [
        `(declare-fun ${name} (${print(A)} Int ${print(A)}) ${print(A)})`,
        ["assert", quantifier("forall", [["a", A], ["la", "Int"], ["b", A], ["k", "Int"]], ["=", ["select", app, "k"], ["ite", ["<", "k", "la"], ["select", "a", "k"], ["select", "b", ["-", "k", "la"]]]], [[["select", app, "k"]]], origin)]
      ];
    } else {
      const app = [name, "v", "n"];
      lines2 = [
        `(declare-fun ${name} (${print(E)} Int) ${print(A)})`,
        ["assert", quantifier("forall", [["v", E], ["n", "Int"], ["k", "Int"]], ["=", ["select", app, "k"], ["ite", ["and", ["<=", "0", "k"], ["<", "k", "n"]], "v", d]], [[["select", app, "k"]]], origin)]
      ];
    }
    this.axioms.set(name, lines2);
    return name;
  }
  /**
   * `Seq::new(n, |i| e)` is (n, lambda i. ite(0 <= i < n, e, default)), canonical like every Seq;
   * `Set::new(|x: T| p)` is lambda x. inv_T(x) && p (only values of T are members, as in Verus:
   * two such sets are equal exactly when they agree on T). The body is evaluated as spec code
   * with the parameter bound; a body that would need facts or declarations of its own (anything
   * not a pure term of the parameter) is unsupported.
   */
  closureCollection(e, owner, st, m) {
    const clo = owner === "Seq" ? e.args[1] : e.args[0];
    if (clo?.k !== "closure" || clo.params.length !== 1) throw new Unsupported(`\`${owner}::new\` without a closure of one parameter`, e.sp);
    const resTy = this.cvc.checked.exprTypes.get(e);
    if (!resTy || resTy.k !== "seq" && resTy.k !== "set") throw new Unsupported(`the type of this \`${owner}::new\` is not known`, e.sp);
    const p = clo.params[0];
    const pty = this.binderType(p);
    this.sorts.need(pty);
    const sym = quote(`${p.name}$lam${this.qcount++}`);
    const inner = st.clone();
    inner.push();
    inner.declare(p.name, { ty: pty, term: sym, mut: false });
    const bound = new Set(m.bound);
    bound.add(sym);
    const before = { decls: this.decls.length, facts: this.facts.length, obs: this.obligations.length };
    const body2 = this.ev(clo.body, inner, { ...m, pure: true, exec: false, bound, triggers: null, path: [] });
    if (this.decls.length !== before.decls || this.facts.length !== before.facts || this.obligations.length !== before.obs) throw new Unsupported(`this \`${owner}::new\` closure cannot be encoded as a function of its parameter`, clo.sp);
    if (resTy.k === "seq") {
      const v = this.fit(body2, resTy.elem);
      this.checkNoPlaceholder(v.t);
      const n = this.fit(this.ev(e.args[0], st, { ...m, pure: true, exec: false }), NAT);
      const dt = this.sorts.datatype(resTy);
      const lam = ["lambda", [[sym, "Int"]], ite(and(["<=", "0", sym], ["<", sym, n.t]), v.t, this.sorts.dflt(resTy.elem))];
      return { t: [dt.ctors[0].ctor, n.t, lam], ty: resTy };
    }
    this.checkNoPlaceholder(body2.t);
    return { t: ["lambda", [[sym, sortOf(pty)]], and(this.typeInv(sym, pty), body2.t)], ty: resTy };
  }
  emptyOf(ty) {
    const n = ty;
    if (n.k === "seq" || n.k === "array") return this.seqLit(n, []);
    if (n.k === "set") return [["as", "const", ["Array", sortOf(n.elem), "Bool"]], "false"];
    if (n.k === "map") {
      const dt = this.sorts.datatype(n);
      return [dt.ctors[0].ctor, [["as", "const", ["Array", sortOf(n.key), "Bool"]], "false"], [["as", "const", ["Array", sortOf(n.key), sortOf(n.val)]], this.sorts.dflt(n.val)]];
    }
    throw new Error("emptyOf");
  }
  seqLit(ty, elems) {
    const n = ty;
    const dt = this.sorts.datatype(ty);
    let arr = [["as", "const", ["Array", "Int", sortOf(n.elem)]], this.sorts.dflt(n.elem)];
    elems.forEach((x, i) => {
      arr = ["store", arr, num(i), x];
    });
    return [dt.ctors[0].ctor, num(elems.length), arr];
  }
  seqOp(name, s2, a, sp) {
    const ty = s2.ty;
    const dt = this.sorts.datatype(ty);
    const mk = dt.ctors[0].ctor;
    const len = [dt.ctors[0].fields[0].acc, s2.t];
    const arr = [dt.ctors[0].fields[1].acc, s2.t];
    const dflt = this.sorts.dflt(ty.elem);
    const sub = (i, j) => {
      const ok = and(["<=", "0", i], ["<=", i, j], ["<=", j, len]);
      return ite(ok, [mk, ["-", j, i], [this.seqFun("sub", ty.elem), arr, i, ["-", j, i]]], [mk, "0", [["as", "const", ["Array", "Int", sortOf(ty.elem)]], dflt]]);
    };
    switch (name) {
      case "len":
        return { t: len, ty: NAT };
      case "push":
        return { t: [mk, ["+", len, "1"], ["store", arr, len, a[0].t]], ty };
      case "update":
        return { t: [mk, len, ite(and(["<=", "0", a[0].t], ["<", a[0].t, len]), ["store", arr, a[0].t, a[1].t], arr)], ty };
      case "index":
        return { t: ["select", arr, a[0].t], ty: ty.elem };
      case "last":
        return { t: ["select", arr, ["-", len, "1"]], ty: ty.elem };
      case "first":
        return { t: ["select", arr, "0"], ty: ty.elem };
      case "subrange":
        return { t: sub(a[0].t, a[1].t), ty };
      case "take":
        return { t: sub("0", a[0].t), ty };
      case "skip":
        return { t: sub(a[0].t, len), ty };
      case "drop_last":
        return { t: sub("0", ["-", len, "1"]), ty };
      case "add": {
        const b = a[0];
        const blen = [dt.ctors[0].fields[0].acc, b.t];
        const barr = [dt.ctors[0].fields[1].acc, b.t];
        return { t: [mk, ["+", len, blen], [this.seqFun("cat", ty.elem), arr, len, barr]], ty };
      }
      case "contains": {
        const lenAcc = dt.ctors[0].fields[0].acc;
        const arrAcc = dt.ctors[0].fields[1].acc;
        const isIte = (t) => Array.isArray(t) && t[0] === "ite";
        const within2 = (qLen, qArr) => {
          if (isIte(qArr)) return ite(qArr[1], within2(qLen, qArr[2]), within2(qLen, qArr[3]));
          if (qLen === "0") return "false";
          const j = quote(`j@${this.qcount++}`);
          return quantifier("exists", [[j, "Int"]], and(["<=", "0", j], ["<", j, qLen], eq(["select", qArr, j], a[0].t)), [[["select", qArr, j]]], this.sourceQid("contains", sp));
        };
        const contains = (q) => {
          if (isIte(q)) return ite(q[1], contains(q[2]), contains(q[3]));
          const isMk = Array.isArray(q) && q[0] === mk;
          return within2(isMk ? q[1] : [lenAcc, q], isMk ? q[2] : [arrAcc, q]);
        };
        return { t: contains(s2.t), ty: BOOL };
      }
    }
    throw new Unsupported(`Seq::${name}`, sp);
  }
  /** A method of `Set<T>` (an SMT array to bool) on `s`, with evaluated arguments. */
  setOp(name, s2, ty, a, sp) {
    const x = (i) => a[i].t;
    switch (name) {
      case "contains":
        return { t: ["select", s2, x(0)], ty: BOOL };
      case "insert":
        return { t: ["store", s2, x(0), "true"], ty };
      case "remove":
        return { t: ["store", s2, x(0), "false"], ty };
      case "union":
        return { t: [["_", "map", "or"], s2, x(0)], ty };
      case "intersect":
        return { t: [["_", "map", "and"], s2, x(0)], ty };
      case "difference":
        return { t: [["_", "map", "and"], s2, [["_", "map", "not"], x(0)]], ty };
      case "subset_of":
        return { t: eq([["_", "map", "and"], s2, x(0)], s2), ty: BOOL };
    }
    throw new Unsupported(`Set::${name}`, sp);
  }
  /** A method of `Map<K, V>` (domain, values) on `m`, with evaluated arguments. */
  mapOp(name, m, ty, a, sp) {
    const dt = this.sorts.datatype(ty);
    const dom = [dt.ctors[0].fields[0].acc, m];
    const vals = [dt.ctors[0].fields[1].acc, m];
    switch (name) {
      case "dom":
        return { t: dom, ty: { k: "set", elem: ty.key } };
      case "contains_key":
        return { t: ["select", dom, a[0].t], ty: BOOL };
      case "insert":
        return { t: [dt.ctors[0].ctor, ["store", dom, a[0].t, "true"], ["store", vals, a[0].t, a[1].t]], ty };
      case "remove":
        return { t: [dt.ctors[0].ctor, ["store", dom, a[0].t, "false"], ["store", vals, a[0].t, this.sorts.dflt(ty.val)]], ty };
      case "index":
        return { t: ["select", vals, a[0].t], ty: ty.val };
    }
    throw new Unsupported(`Map::${name}`, sp);
  }
};

// toolchain/verifier/vcgen/quantifiers.ts
import { createHash } from "node:crypto";
var INTERPRETED = /* @__PURE__ */ new Set(["+", "-", "*", "div", "mod", "<", "<=", ">", ">=", "=", "and", "or", "not", "=>", "ite", "distinct", "bv2nat", "store", "lambda", "forall", "exists", "let", "abs", "bvand", "bvor", "bvxor", "bvnot", "bvshl", "bvlshr", "bvashr"]);
function termVars(t, bound, out) {
  if (typeof t === "string") {
    if (bound.has(t)) out.add(t);
    return;
  }
  for (const x of t) termVars(x, bound, out);
}
var ARITHMETIC = /* @__PURE__ */ new Set(["+", "-", "*", "div", "mod"]);
var BITWISE = /* @__PURE__ */ new Set(["bv2nat", "bvand", "bvor", "bvxor", "bvnot", "bvshl", "bvlshr", "bvashr"]);
var isInt2bv = (h) => Array.isArray(h) && h.length === 3 && h[0] === "_" && h[1] === "int2bv";
function triggerable(t, allowArithmetic = false) {
  if (typeof t === "string") return true;
  const h = t[0];
  if (isInt2bv(h)) return t.slice(1).every((x) => triggerable(x, allowArithmetic));
  if (typeof h !== "string" || h === "as") return false;
  if (INTERPRETED.has(h) && !BITWISE.has(h) && !(allowArithmetic && ARITHMETIC.has(h))) return false;
  return t.slice(1).every((x) => triggerable(x, allowArithmetic));
}
function innerBound(t, out) {
  if (typeof t === "string") return;
  const h = t[0];
  if ((h === "forall" || h === "exists" || h === "lambda" || h === "let") && Array.isArray(t[1])) {
    for (const b of t[1]) if (Array.isArray(b) && typeof b[0] === "string") out.add(b[0]);
  }
  for (const x of t) innerBound(x, out);
}
var QuantifierMethods = class {
  /** A binder's type, as the checking phase typed it (annotated or inferred from its uses). */
  binderType(p) {
    const recorded = this.cvc.checked.binderTypes.get(p);
    const ty = recorded && this.instTy(recorded);
    if (!ty) throw new Unsupported(`the type of \`${p.name}\` is not known`, p.sp);
    return ty;
  }
  evQuant(e, st, m) {
    if (e.q === "choose") return this.evChoose(e, st);
    const s2 = st.clone();
    s2.push();
    const binders = [];
    const ranges = [];
    const bound = new Set(m.bound);
    const mine = /* @__PURE__ */ new Set();
    for (const p of e.params) {
      const ty = this.binderType(p);
      const sym = quote(`${p.name}$${this.qcount++}`);
      this.sorts.need(ty);
      binders.push([sym, sortOf(ty)]);
      const inv = this.typeInv(sym, ty);
      if (inv !== "true") ranges.push(inv);
      s2.declare(p.name, { ty, term: sym, mut: false });
      bound.add(sym);
      mine.add(sym);
    }
    const trig = [];
    const m2 = { ...m, pure: true, exec: false, bound, triggers: trig, path: [] };
    const body2 = this.ev(e.body, s2, m2);
    const own = [];
    for (const t of trig) {
      const vs = /* @__PURE__ */ new Set();
      termVars(t, mine, vs);
      const outer = /* @__PURE__ */ new Set();
      termVars(t, m.bound, outer);
      if (vs.size === 0 && outer.size > 0 && m.triggers) m.triggers.push(t);
      else own.push(t);
    }
    const groups = [];
    if (e.triggers.length) {
      for (const g of e.triggers) groups.push(g.map((x) => this.ev(x, s2, { ...m2, triggers: null }).t));
    } else if (own.length) groups.push(own);
    else {
      const auto = autoTriggers(body2.t, mine, e.allTriggers === true);
      if (!auto) throw new ResolveError("Could not automatically infer triggers for this quantifier. Use #[trigger] annotations to manually mark trigger terms instead.", e.sp);
      groups.push(...auto);
    }
    for (const g of groups) {
      for (const t of g) if (!triggerable(t, true)) throw new ResolveError("trigger must be a function call, a field access, or arithmetic operator", e.sp);
      const vs = /* @__PURE__ */ new Set();
      for (const t of g) termVars(t, mine, vs);
      if (vs.size < mine.size) throw new ResolveError("trigger does not mention all quantified variables", e.sp);
    }
    const inner = e.q === "forall" ? implies(and(...ranges), body2.t) : and(...ranges, body2.t);
    return { t: quantifier(e.q, binders, inner, groups, this.sourceQid(e.q, e.sp)), ty: BOOL };
  }
  /** The origin of a quantifier written at `sp` (QuantSpots); one whose node the crate's syntax
   * does not hold is named after the function being generated. */
  sourceQid(what, sp) {
    return this.cvc.quantSpots.origin(what, sp) ?? { k: "axiom", name: `${what}-in-${this.info.qname}` };
  }
};
var ChooseMethods = class {
  evChoose(e, st) {
    if (mentionsCall(e.body, "old") || e.triggers.some((g) => g.some((t) => mentionsCall(t, "old")))) throw new Unsupported("`old` inside `choose`", e.sp);
    const own = new Set(e.params.map((p) => p.name));
    const names = /* @__PURE__ */ new Set();
    pathNames(e, names);
    const free = [...names].filter((n) => !own.has(n) && st.lookup(n)).sort().map((n) => ({ name: n, b: st.lookup(n) }));
    const tys = e.params.map((p) => this.binderType(p));
    const recordedTy = this.cvc.checked.exprTypes.get(e);
    const resTy = recordedTy && this.instTy(recordedTy);
    if (!resTy) throw new Unsupported("the type of this `choose` is not known", e.sp);
    const saved = { q: this.qcount, decls: this.decls.length, facts: this.facts.length, obs: this.obligations.length };
    this.qcount = 0;
    try {
      const cst = new State();
      const sig = [];
      const fvs = [];
      free.forEach((x, i) => {
        const sym = quote(`fv@${i}`);
        this.sorts.need(x.b.ty);
        cst.declare(x.name, { ty: x.b.ty, term: sym, mut: false });
        sig.push([sym, sortOf(x.b.ty)]);
        fvs.push(sym);
      });
      this.sorts.need(resTy);
      const scc = this.cvc.scc.get(this.info.key);
      const cm = {
        exec: false,
        pure: true,
        nonlinear: false,
        bound: new Set(fvs),
        triggers: null,
        path: [],
        // termination of a recursive call is checked where it is made; inside a choice it is not
        recHook: (callee, _args, sp) => {
          if (this.cvc.recursive.has(callee.key) && scc?.has(callee.key)) throw new Unsupported("a recursive call inside `choose`", sp);
        }
      };
      const exists = foldGround(this.evQuant({ ...e, q: "exists" }, cst, cm).t);
      const r = quote("choose@r");
      const rst = cst.clone();
      rst.push();
      if (tys.length === 1) rst.declare(e.params[0].name, { ty: resTy, term: r, mut: false });
      else {
        const ctor = this.sorts.datatype(resTy).ctors[0];
        e.params.forEach((p, i) => rst.declare(p.name, { ty: tys[i], term: [ctor.fields[i].acc, r], mut: false }));
      }
      const body2 = foldGround(this.ev(e.body, rst, { ...cm, triggers: null }).t);
      this.checkNoPlaceholder(exists);
      if (this.decls.length !== saved.decls || this.facts.length !== saved.facts || this.obligations.length !== saved.obs) throw new Unsupported("this `choose` body cannot be encoded as a function of its variables", e.sp);
      this.checkNoPlaceholder(body2);
      const inv = this.typeInv(r, resTy);
      const resSort = print(sortOf(resTy));
      const argSorts = free.map((x) => print(sortOf(x.b.ty))).join(" ");
      const meaning = and(inv, implies(exists, body2));
      const name = quote(`choose@${createHash("sha256").update(`${argSorts}|${resSort}|${print(withoutQids(meaning))}`).digest("hex").slice(0, 24)}`);
      if (!this.chooseFns.has(name)) {
        const app = fvs.length ? [name, ...fvs] : name;
        const def = ["let", [[r, app]], meaning];
        const lines2 = [`(declare-fun ${name} (${argSorts}) ${resSort})`, ["assert", fvs.length ? quantifier("forall", sig, def, [[app]], this.sourceQid("choose", e.sp)) : def]];
        this.chooseFns.set(name, { lines: lines2, sorts: [resTy, ...free.map((x) => x.b.ty)] });
      }
      return { t: free.length ? [name, ...free.map((x) => x.b.term)] : name, ty: resTy };
    } finally {
      this.qcount = Math.max(this.qcount, saved.q);
    }
  }
};
function mentionsCall(e, name) {
  if (!e || typeof e !== "object") return false;
  if (Array.isArray(e)) return e.some((x) => mentionsCall(x, name));
  const o = e;
  if (o.k === "call" && o.callee?.k === "path" && o.callee.segs.join("::") === name) return true;
  return Object.keys(o).some((k) => k !== "sp" && mentionsCall(o[k], name));
}
function pathNames(e, out) {
  if (!e || typeof e !== "object") return;
  if (Array.isArray(e)) return e.forEach((x) => pathNames(x, out));
  const o = e;
  if (o.k === "path" && Array.isArray(o.segs) && o.segs.length === 1) out.add(o.segs[0]);
  for (const k of Object.keys(o)) if (k !== "sp") pathNames(o[k], out);
}
function autoTriggers(body2, vars, all = false) {
  const cands = [];
  const seen = /* @__PURE__ */ new Set();
  const walk3 = (t, hidden) => {
    if (typeof t === "string") return;
    const h = t[0];
    if (h === "forall" || h === "exists" || h === "lambda" || h === "let") {
      const inner = new Set(hidden);
      innerBound([h, t[1]], inner);
      for (const x of t.slice(2)) walk3(x, inner);
      return;
    }
    const candidate = typeof h === "string" && (!INTERPRETED.has(h) || h === "bv2nat") && h !== "!" && h !== "as" && h !== "_";
    if (candidate && triggerable(t)) {
      const vs = /* @__PURE__ */ new Set();
      termVars(t, vars, vs);
      const hid = /* @__PURE__ */ new Set();
      termVars(t, hidden, hid);
      const key = print(t);
      if (vs.size && !hid.size && !seen.has(key)) {
        seen.add(key);
        cands.push({ t, vs, size: key.length });
      }
    }
    for (const x of t) walk3(x, hidden);
  };
  walk3(body2, /* @__PURE__ */ new Set());
  if (!cands.length) return null;
  const full = cands.filter((c) => c.vs.size === vars.size);
  const texts = new Map(cands.map((c) => [c, print(c.t)]));
  const minimalAmong = (cs) => cs.filter((c) => !cs.some((d) => d !== c && texts.get(c).includes(texts.get(d)) && texts.get(d) !== texts.get(c) && [...c.vs].every((v) => d.vs.has(v))));
  const byText = (a, b) => a.size - b.size || (print(a.t) < print(b.t) ? -1 : 1);
  const singles = minimalAmong(full).sort(byText);
  if (!all) {
    if (singles.length) return singles.slice(0, 3).map((c) => [c.t]);
    const sorted = [...cands].sort((a, b) => b.vs.size - a.vs.size || a.size - b.size);
    const covered = /* @__PURE__ */ new Set();
    const group = [];
    for (const c of sorted) {
      if ([...c.vs].some((v) => !covered.has(v))) {
        group.push(c.t);
        for (const v of c.vs) covered.add(v);
      }
      if (covered.size === vars.size) return [group];
    }
    return null;
  }
  const groups = singles.map((c) => [c.t]);
  const partial = minimalAmong(cands.filter((c) => c.vs.size < vars.size)).sort(byText);
  const covers = (cs) => new Set(cs.flatMap((c) => [...c.vs])).size === vars.size;
  const LIMIT = 32;
  const pick = (start, chosen) => {
    if (groups.length >= LIMIT) return;
    if (chosen.length >= 2 && covers(chosen)) {
      if (chosen.every((_, i) => !covers(chosen.filter((__, j) => j !== i)))) groups.push(chosen.map((c) => c.t));
      return;
    }
    if (chosen.length === 3) return;
    for (let i = start; i < partial.length; i++) pick(i + 1, [...chosen, partial[i]]);
  };
  pick(0, []);
  return groups.length ? groups : null;
}

// toolchain/verifier/vcgen/calls.ts
var CallMethods = class {
  evCall(e, st, m) {
    if (e.callee.k !== "path") throw new Unsupported("call of a non-path expression", e.sp);
    const segs = e.callee.segs;
    const last = segs[segs.length - 1];
    const sp = e.sp;
    if (segs.length === 1) {
      if (last === "old") {
        const a = e.args[0];
        if (!a || !this.fnCtx) throw new ResolveError("`old` needs an argument", sp);
        let base = a;
        while (base.k === "unary" && base.op === "*") base = base.e;
        if (base.k !== "path" || base.segs.length !== 1) throw new Unsupported("`old` of a non-variable", sp);
        const ov = this.fnCtx.old.get(base.segs[0]) ?? (st.lookup("$old:" + base.segs[0])?.term ?? null);
        const b = st.lookup(base.segs[0]);
        if (ov === null || !b) throw new ResolveError("`old` can only be applied to `&mut` parameters", sp);
        return { t: ov, ty: b.ty };
      }
      if (last === "Ghost" || last === "Tracked") return this.ev(e.args[0], st, { ...m, exec: false });
      if (last === "Some") {
        const v = this.ev(e.args[0], st, m);
        const ty = { k: "enum", name: "Option", args: [v.ty] };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[1].ctor, v.t], ty };
      }
    }
    if (segs.length === 2 && (segs[0] === "Seq" || segs[0] === "Set") && last === "new" && e.args.some((a) => a.k === "closure")) return this.closureCollection(e, segs[0], st, m);
    if (segs.length === 2 && (segs[0] === "Seq" || segs[0] === "Set" || segs[0] === "Map") && last === "empty") {
      const g = e.callee.generics;
      if (g.length) {
        const tyArgs = g.map((x) => this.synTy(x));
        const ty = segs[0] === "Seq" ? { k: "seq", elem: tyArgs[0] } : segs[0] === "Set" ? { k: "set", elem: tyArgs[0] } : { k: "map", key: tyArgs[0], val: tyArgs[1] };
        return { t: this.emptyOf(ty), ty };
      }
      return { t: this.placeholder(["$empty", segs[0]], sp), ty: { k: "tuple", elems: [] } };
    }
    const vr = this.findVariant(segs, sp, void 0, e);
    if (vr) {
      const args = e.args.map((a) => this.ev(a, st, m).t);
      if (args.length !== vr.ctor.fields.length) throw new ResolveError("wrong number of fields", sp);
      return { t: args.length ? [vr.ctor.ctor, ...args] : vr.ctor.ctor, ty: vr.ty };
    }
    if (segs.length === 1 && this.crate.structs.has(last)) {
      const recorded = this.cvc.checked.exprTypes.get(e);
      if (!recorded || recorded.k !== "struct") throw new ResolveError(`type annotations needed for \`${last}\``, sp);
      const ty = this.instTy(recorded);
      const dt = this.sorts.datatype(ty);
      const args = e.args.map((a) => this.ev(a, st, m).t);
      return { t: [dt.ctors[0].ctor, ...args], ty };
    }
    let qname = last;
    if (segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2])) {
      const t = segs[segs.length - 2] === "Self" ? this.cur.item.selfType : segs[segs.length - 2];
      qname = `${t}::${last}`;
    }
    const info = this.crate.fn(qname, sp);
    if (!info) throw new ResolveError(`cannot find function \`${segs.join("::")}\``, sp);
    return this.callFn(this.cvc.checked.specCalls.get(e) ?? info, e.args.map((a) => ({ e: a })), st, m, sp, e);
  }
  evMethod(e, st, m) {
    const recv = this.ev(e.recv, st, m);
    const ty = recv.ty;
    const name = e.name;
    const sp = e.sp;
    const argv = () => e.args.map((a) => this.ev(a, st, m));
    if (ty.k === "enum" && (name.startsWith("$is:") || name.startsWith("$arrow:"))) {
      const dt = this.sorts.datatype(ty);
      if (name.startsWith("$is:")) {
        const c = dt.ctors.find((x) => x.name === name.slice(4));
        if (!c) throw new ResolveError(`no variant \`${name.slice(4)}\``, sp);
        return { t: dt.ctors.length > 1 ? [["_", "is", c.tester], recv.t] : "true", ty: BOOL };
      }
      const fname = name.slice(7);
      for (const c of dt.ctors) {
        const f = c.fields.find((x) => x.name === fname);
        if (f) return { t: [f.acc, recv.t], ty: f.ty };
      }
      throw new ResolveError(`no field \`${fname}\` in any variant`, sp);
    }
    if (ty.k === "struct" || ty.k === "enum" && ty.name !== "Option") {
      const tn = ty.name;
      const info = this.crate.fn(`${tn}::${name}`, e.nameSp);
      if (!info) throw new ResolveError(`no method \`${name}\` on type ${tn}`, e.nameSp);
      return this.callFn(this.cvc.checked.specCalls.get(e) ?? info, [{ e: e.recv, v: recv }, ...e.args.map((a) => ({ e: a }))], st, m, sp, e);
    }
    if (ty.k === "enum" && ty.name === "Option") {
      const dt = this.sorts.datatype(ty);
      const isSome = [["_", "is", dt.ctors[1].tester], recv.t];
      if (name === "is_some") return { t: isSome, ty: BOOL };
      if (name === "is_none") return { t: not(isSome), ty: BOOL };
      if (name === "unwrap" || name === "expect" || name === "get_Some_0") {
        if (m.exec && !m.pure && name !== "get_Some_0") this.oblige(st, "unwrap", sp, isSome);
        return { t: [dt.ctors[1].fields[0].acc, recv.t], ty: ty.args[0] };
      }
      if (name === "unwrap_or") {
        const d = argv()[0];
        return { t: ite(isSome, [dt.ctors[1].fields[0].acc, recv.t], d.t), ty: ty.args[0] };
      }
      throw new Unsupported(`Option::${name}`, e.nameSp);
    }
    if (ty.k === "seq" || ty.k === "array") {
      if (ty.k === "array" && name === "len") return { t: this.lenTerm(ty.len), ty: { k: "int", kind: "usize" } };
      if (ty.k === "array" && name === "set") throw new Unsupported("array set method", sp);
      if (ty.k === "array" && m.exec) {
        if (name === "index" && e.args.length === 1) return this.index(recv, this.ev(e.args[0], st, m), st, m, sp);
        throw new Unsupported(`array method \`${name}\` in exec code`, e.nameSp);
      }
      return this.seqOp(name, { t: recv.t, ty: { k: "seq", elem: ty.elem } }, argv(), e.nameSp);
    }
    if (ty.k === "set") return this.setOp(name, recv.t, ty, argv(), e.nameSp);
    if (ty.k === "map") return this.mapOp(name, recv.t, ty, argv(), e.nameSp);
    if (ty.k === "int") {
      throw new Unsupported(`integer method \`${name}\``, e.nameSp);
    }
    throw new Unsupported(`method \`${name}\` on ${tyStr(ty)}`, e.nameSp);
  }
  /**
   * A callee's clause (written in `file` at `sp`) in the caller's terms, for the quick fix "assert
   * the callee's precondition here": each parameter replaced by its argument's source text, and
   * `old(p)` too (at the call, the old value is the current one). Null when a text is missing.
   */
  callerTerms(file, sp, params, argSps) {
    const text = (path7) => this.crate.files.find((f) => f.path === path7)?.text;
    const calleeText = text(file);
    const ownText = text(this.info.file);
    if (calleeText === void 0 || ownText === void 0 || params.length !== argSps.length) return null;
    const args = argSps.map((a) => ownText.slice(a.start, a.end).replace(/^&\s*(mut\s+)?/, "").trim());
    const atom = (t) => /^([A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*)*$|^\d+$/.test(t);
    const byName = new Map(params.map((p, i) => [p, atom(args[i]) ? args[i] : `(${args[i]})`]));
    const clause = calleeText.slice(sp.start, sp.end);
    return clause.replace(/\bold\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)|\b[A-Za-z_][A-Za-z0-9_]*\b/g, (m, oldName, at) => {
      if (oldName === void 0 && (clause[at - 1] === "." || clause.slice(Math.max(0, at - 2), at) === "::")) return m;
      return byName.get(oldName ?? m) ?? m;
    }).replace(/\s+/g, " ");
  }
  /**
   * A call of a user function (spec: function application; exec/proof: modular via specs). A
   * generic callee is taken at the call's generic arguments (recorded by the checker): its
   * parameter types, result and clauses are instantiated, and a spec fn is the instance's own
   * declared function (its definition built at those arguments).
   */
  callFn(info, args, st, m, sp, call) {
    const f = info.item;
    const tyArgs = this.callTyArgs(call, f, sp);
    const env = genericEnv(f, tyArgs);
    this.callees.add(info.key);
    const ps = this.paramTypes(f, env);
    if (ps.length !== args.length) throw new ResolveError(`\`${info.qname}\` takes ${ps.length} arguments but ${args.length} were supplied`, sp);
    const retTy = this.retType(f, env);
    const inCallee = (fn) => this.inItem(f, env, fn);
    if (f.mode === "spec") {
      const vals = args.map((a, i) => {
        const v = this.fit(a.v ?? this.ev(a.e, st, { ...m, exec: false }), ps[i].ty);
        return v.t;
      });
      const key = this.cvc.specInstance(info, tyArgs, sp);
      this.specUsed.add(key);
      if (m.recHook) m.recHook(info, vals, sp, m.path, m.bound.size > 0);
      if (hasVerifierAttr(f.attrs, "inline") && f.body && !this.cvc.recursive.has(info.key) && !hasVerifierAttr(f.attrs, "opaque") && info.key !== this.info.key && !this.inlining.has(info.key)) {
        const ist = new State();
        ps.forEach((p, i) => ist.declare(p.name, { ty: p.ty, term: vals[i], mut: false }));
        this.inlining.add(info.key);
        try {
          return inCallee(() => this.specBody(this.evalBlockPure(f.body, ist, { ...m, pure: true, exec: false }), retTy));
        } finally {
          this.inlining.delete(info.key);
        }
      }
      const name = quote(key);
      if (this.cvc.recursive.has(info.key)) {
        let fuel = "fuel.zero";
        for (let i = 0; i < (this.fuel.get(info.key) ?? 1); i++) fuel = `(fuel.succ ${fuel})`;
        if (m.fuelVar && m.scc?.has(info.key)) fuel = m.fuelVar;
        return { t: [name, fuel, ...vals], ty: retTy };
      }
      return { t: vals.length ? [name, ...vals] : name, ty: retTy };
    }
    if (m.pure) throw new ResolveError(`cannot call ${f.mode} function \`${info.qname}\` in spec code`, sp);
    if (f.mode === "exec" && !m.exec && this.info.item.mode !== "exec") throw new ResolveError(`cannot call exec function \`${info.qname}\` from proof code`, sp);
    const pre = [];
    const places = [];
    for (let i = 0; i < args.length; i++) {
      const p = ps[i];
      const a = args[i];
      const argMode = f.mode === "proof" ? { ...m, exec: false } : m;
      if (p.mut) {
        let pe = a.e;
        if (pe.k === "call" && pe.callee.k === "path" && pe.callee.segs.length === 1 && pe.callee.segs[0] === "Tracked" && pe.args.length === 1) pe = pe.args[0];
        if (pe.k === "unary" && pe.op === "&mut") pe = pe.e;
        const place = this.place(pe, st, argMode);
        places.push(place);
        const v = this.readPlace(place, st);
        pre.push(v.t);
      } else {
        const v = this.fit(a.v ?? this.ev(a.e, st, argMode), p.ty);
        pre.push(v.t);
        places.push(null);
      }
    }
    const cst = new State();
    ps.forEach((p, i) => cst.declare(p.name, { ty: p.ty, term: pre[i], mut: false }));
    const oldMap = /* @__PURE__ */ new Map();
    ps.forEach((p, i) => {
      if (p.mut) oldMap.set(p.name, pre[i]);
    });
    const savedCtx = this.fnCtx;
    const withOld = (old, fn) => {
      const prev = this.fnCtx;
      this.fnCtx = { ...prev ?? {}, old, loops: prev?.loops ?? [] };
      try {
        return fn();
      } finally {
        this.fnCtx = prev;
      }
    };
    for (const r of f.requires) {
      const g = withOld(oldMap, () => inCallee(() => this.evalPure(r, cst, this.specMode(st.path))));
      const ob = this.oblige(st, "precondition", sp, g.t, r.sp);
      if (ob) {
        if (info.file !== this.info.file) ob.relatedFile = info.file;
        const text = this.callerTerms(info.file, r.sp, ps.map((p) => p.name), args.map((a) => a.e.sp));
        if (text) ob.assertion = text;
      }
    }
    if (savedCtx) {
      const measure = this.myMeasure;
      const ob = () => {
        const cf = info.item;
        if (!measure.length || !cf.decreases.length) return this.makeOb(st, "decreases", sp, "false", void 0, "could not prove termination (recursive function without `decreases`)");
        const newM = withOld(oldMap, () => inCallee(() => cf.decreases.map((d) => this.evalPure(d, cst, this.specMode([])))));
        return this.makeOb(st, "decreases", sp, this.lexLessMeasures(newM, measure, sp), cf.decreases[0].sp, "could not prove termination");
      };
      const made = ob();
      this.recCalls.push({ callee: info.key, ob: () => made });
    }
    const post = new State();
    ps.forEach((p, i) => {
      if (p.mut) {
        const place = places[i];
        const nv = this.havoc(this.placeName(place), p.ty);
        this.writePlace(place, nv, st);
        post.declare(p.name, { ty: p.ty, term: nv, mut: false });
      } else post.declare(p.name, { ty: p.ty, term: pre[i], mut: false });
    });
    let ret = { t: "true", ty: UNIT };
    const rtn = retTy;
    if (!(rtn.k === "tuple" && rtn.elems.length === 0)) {
      const rc = this.havoc(`${info.item.name}$ret`, retTy);
      ret = { t: rc, ty: retTy };
      if (f.ret?.name) post.declare(f.ret.name, { ty: retTy, term: rc, mut: false });
    }
    for (const en of f.ensures) {
      const g = withOld(oldMap, () => inCallee(() => this.evalPure(en, post, this.specMode(st.path))));
      this.assume(st, g.t, { kind: "callee-ensures", file: info.file, sp: en.sp, callee: info.qname, callSp: sp });
    }
    if (f.returns) {
      const r = withOld(oldMap, () => inCallee(() => this.evalPure(f.returns, post, this.specMode(st.path))));
      this.assume(st, this.compare("==", ret, r, sp).t);
    }
    if (f.mode === "exec" && f.body && !hasExternalBody(f.attrs)) st.crossed.push({ kind: "call", name: info.qname, line: this.line(sp.start), sp });
    else if (f.mode === "proof") st.crossed.push({ kind: "call", name: info.qname, line: this.line(sp.start), sp });
    return ret;
  }
};

// toolchain/verifier/vcgen/broadcast.ts
var BroadcastMethods = class {
  broadcastFact(info, sp) {
    const f = info.item;
    if (f.generics.length) throw new Unsupported(`\`broadcast use\` of the generic lemma \`${info.qname}\``, sp);
    if (f.ret) throw new Unsupported(`\`broadcast use\` of \`${info.qname}\`, a lemma with a return value`, sp);
    const ps = this.paramTypes(f);
    if (ps.some((p) => p.mut)) throw new Unsupported(`\`broadcast use\` of \`${info.qname}\`, a lemma with a \`&mut\` parameter`, sp);
    this.callees.add(info.key);
    const st = new State();
    const binders = [];
    const ranges = [];
    const bound = /* @__PURE__ */ new Set();
    for (const p of ps) {
      const sym = quote(`${p.name}$bc${this.qcount++}`);
      this.sorts.need(p.ty);
      binders.push([sym, sortOf(p.ty)]);
      const inv = this.typeInv(sym, p.ty);
      if (inv !== "true") ranges.push(inv);
      st.declare(p.name, { ty: p.ty, term: sym, mut: false });
      bound.add(sym);
    }
    const trig = [];
    const m = { exec: false, pure: true, nonlinear: false, bound, triggers: trig, path: [] };
    const saved = this.fnCtx;
    this.fnCtx = null;
    let req;
    let ens;
    try {
      req = f.requires.map((r) => this.ev(r, st, m).t);
      ens = f.ensures.map((e) => this.ev(e, st, m).t);
    } finally {
      this.fnCtx = saved;
    }
    const body2 = implies(and(...ranges, ...req), and(...ens));
    this.checkNoPlaceholder(body2);
    if (!binders.length) return body2;
    const groups = trig.length ? [trig] : autoTriggers(body2, bound);
    if (!groups) throw new ResolveError(`Could not automatically infer triggers for the broadcast lemma \`${info.qname}\`. Use #[trigger] annotations in its requires / ensures.`, f.nameSp);
    for (const g of groups) {
      for (const t of g) if (!triggerable(t, true)) throw new ResolveError("trigger must be a function call, a field access, or arithmetic operator", f.nameSp);
      const vs = /* @__PURE__ */ new Set();
      for (const t of g) termVars(t, bound, vs);
      if (vs.size < bound.size) throw new ResolveError(`the triggers of the broadcast lemma \`${info.qname}\` do not mention all of its parameters`, f.nameSp);
    }
    return quantifier("forall", binders, body2, groups, { k: "axiom", name: `broadcast:${info.qname}` });
  }
};

// toolchain/verifier/vcgen/index.ts
for (const mixin of [QueryMethods, SpecFnMethods, ExecMethods, ExprMethods, CollectionMethods, QuantifierMethods, ChooseMethods, CallMethods, BitVectorMethods, BroadcastMethods]) {
  for (const name of Object.getOwnPropertyNames(mixin.prototype)) {
    if (name === "constructor") continue;
    if (Object.prototype.hasOwnProperty.call(FnGen.prototype, name)) throw new Error(`FnGen.${name} is defined twice`);
    Object.defineProperty(FnGen.prototype, name, Object.getOwnPropertyDescriptor(mixin.prototype, name));
  }
}

// toolchain/verifier/solver-pool.ts
import { Worker } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as path from "node:path";

// toolchain/verifier/native-session.ts
import { spawn } from "node:child_process";
var Z3Process = class {
  child;
  out = "";
  seq = 0;
  waiting = null;
  alive = true;
  constructor(bin) {
    this.child = spawn(bin, ["-in", "-smt2"], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.unref();
    for (const s2 of [this.child.stdin, this.child.stdout, this.child.stderr]) s2.unref?.();
    this.child.stderr.resume();
    this.child.stdout.on("data", (d) => this.onData(d.toString()));
    this.child.on("error", (e) => this.end(`cannot run ${bin}: ${e.message}`, false));
    this.child.on("close", () => this.end(`native z3 exited: ${this.out.slice(0, 300)}`, false));
    this.child.stdin.on("error", () => void 0);
  }
  send(text, limitMs) {
    if (!this.alive) return Promise.resolve({ ok: false, timedOut: false, reason: "native z3 exited", ms: 0 });
    if (this.waiting) throw new Error("Z3Process.send: a send is in flight");
    const marker = `@@stratos-incremental-${++this.seq}`;
    return new Promise((resolve2) => {
      const t0 = performance.now();
      const timer = setTimeout(() => this.end(`native z3 did not answer within ${limitMs} ms; process killed`, true), limitMs);
      this.waiting = { marker, t0, resolve: resolve2, timer };
      this.out = "";
      this.child.stdin.write(`${text}(echo "${marker}")
`);
    });
  }
  onData(text) {
    this.out += text;
    const w = this.waiting;
    if (!w) return;
    const at = this.out.indexOf(w.marker + "\n");
    if (at < 0) return;
    this.waiting = null;
    clearTimeout(w.timer);
    const out = this.out.slice(0, at);
    this.out = this.out.slice(at + w.marker.length + 1);
    w.resolve({ ok: true, out, ms: performance.now() - w.t0 });
  }
  end(reason, timedOut) {
    if (this.alive) {
      this.alive = false;
      this.child.kill("SIGKILL");
    }
    const w = this.waiting;
    this.waiting = null;
    if (w) {
      clearTimeout(w.timer);
      w.resolve({ ok: false, timedOut, reason, ms: performance.now() - w.t0 });
    }
  }
};
var NativeSessionHost = class {
  constructor(queue, bin = "z3") {
    this.queue = queue;
    this.bin = bin;
  }
  queue;
  bin;
  idle = [];
  active = /* @__PURE__ */ new Set();
  async open(priority, signal) {
    if (!await this.queue.acquire(priority, signal)) return null;
    let current = null;
    return {
      session: () => {
        if (current?.alive) return current;
        if (current) this.active.delete(current);
        current = this.takeProcess();
        return current;
      },
      close: () => {
        if (current) {
          this.active.delete(current);
          if (current.alive) this.idle.push(current);
        }
        this.queue.release();
      }
    };
  }
  takeProcess() {
    let p = this.idle.pop();
    while (p && !p.alive) p = this.idle.pop();
    p ??= new Z3Process(this.bin);
    this.active.add(p);
    return p;
  }
  crashActive() {
    for (const p of this.active) p.end("crashed (test)", false);
  }
  shutdown() {
    for (const p of this.idle) p.end("shutdown", false);
    this.idle = [];
  }
};

// toolchain/verifier/solver-pool.ts
var wasmModulePromise = null;
function wasmModule() {
  if (!wasmModulePromise) {
    const req = createRequire(import.meta.url);
    const file = req.resolve("z3-solver/build/z3-built.wasm");
    wasmModulePromise = WebAssembly.compile(readFileSync(file));
  }
  return wasmModulePromise;
}
function workerPath() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.join(here, "solver-worker.mjs");
}
var SolverPool = class {
  constructor(size) {
    this.size = size;
  }
  size;
  slots = [];
  queue = [];
  nextId = 1;
  closed = false;
  /** Number of workers replaced after a crash or hang (for tests and diagnostics). */
  replaced = 0;
  /** Extra time past the solver timeout before the watchdog interrupts, then terminates. */
  graceMs = 1500;
  /** Time a cancelled query's worker gets to stop before it is terminated and replaced. */
  cancelGraceMs = 250;
  async spawnSlot() {
    const mod = await wasmModule();
    const worker = new Worker(workerPath(), { workerData: { wasmModule: mod } });
    let readyResolve;
    let readyReject;
    const ready = new Promise((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    const slot = { worker, ready, current: null, timers: [], dead: false, isReady: false };
    worker.on("message", (msg) => {
      if (msg.type === "ready") readyResolve();
      else if (msg.type === "evaluated") slot.current?.lease?.onEvaluated(msg);
      else if (msg.type === "fatal") readyReject(new Error(msg.message));
      else if (msg.type === "result" && slot.current && slot.current.id === msg.id) {
        const p = slot.current;
        this.clearTimers(slot);
        slot.current = null;
        let result = msg.result;
        const reason = msg.reason ?? "";
        if (result === "unknown" && /timeout|canceled|cancelled|interrupted/i.test(reason)) result = p.job.signal?.aborted ? "canceled" : "timeout";
        p.resolve({ result, model: msg.model ?? null, reason, ms: msg.ms ?? 0 });
        this.pump();
      }
    });
    const onDeath = (why) => {
      if (slot.dead) return;
      slot.dead = true;
      readyReject(new Error(why));
      this.clearTimers(slot);
      const p = slot.current;
      slot.current = null;
      const idx = this.slots.indexOf(slot);
      if (idx >= 0) this.slots.splice(idx, 1);
      if (p?.lease) p.lease.lost(`solver worker ${why}`);
      else if (p) p.resolve({ result: "unknown", model: null, reason: `solver worker ${why}; it was replaced`, ms: 0 });
      if (!this.closed) {
        this.replaced++;
        this.pump();
      }
    };
    worker.on("error", (e) => onDeath(`crashed (${e.message})`));
    worker.on("exit", (code) => onDeath(`exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }
  clearTimers(slot) {
    for (const t of slot.timers) clearTimeout(t);
    slot.timers = [];
  }
  run(job) {
    if (this.closed) return Promise.resolve({ result: "error", model: null, reason: "solver pool is shut down", ms: 0 });
    if (job.signal?.aborted) return Promise.resolve({ result: "canceled", model: null, reason: "canceled", ms: 0 });
    return new Promise((resolve2) => {
      const p = { job, resolve: resolve2, id: this.nextId++, priority: job.urgent ? Infinity : job.priority ?? 0 };
      this.enqueue(p);
      job.signal?.addEventListener(
        "abort",
        () => {
          const qi = this.queue.indexOf(p);
          if (qi >= 0) {
            this.queue.splice(qi, 1);
            resolve2({ result: "canceled", model: null, reason: "canceled", ms: 0 });
            return;
          }
          const slot = this.slots.find((s2) => s2.current === p);
          if (!slot) return;
          slot.worker.postMessage({ type: "interrupt" });
          slot.timers.push(
            setTimeout(() => {
              if (slot.current !== p) return;
              slot.current = null;
              this.clearTimers(slot);
              resolve2({ result: "canceled", model: null, reason: "canceled (worker replaced)", ms: 0 });
              slot.isReady = false;
              void slot.worker.terminate();
            }, this.cancelGraceMs)
          );
        },
        { once: true }
      );
      this.pump();
    });
  }
  /** Decreasing priority, FIFO among equals. */
  enqueue(p) {
    const at = this.queue.findIndex((w) => w.priority < p.priority);
    if (at < 0) this.queue.push(p);
    else this.queue.splice(at, 0, p);
  }
  /**
   * Holds a worker for an incremental session (incremental-solver.ts) until the session closes:
   * null when `signal` aborted (or the pool shut down) before a worker was free.
   */
  lease(priority, signal) {
    if (this.closed || signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve2) => {
      const p = { job: { query: "", timeoutMs: 0, wantModel: false }, id: this.nextId++, priority, resolve: () => resolve2(null) };
      p.lease = new WasmSession(this, p, (session) => resolve2(session));
      this.enqueue(p);
      signal?.addEventListener(
        "abort",
        () => {
          const qi = this.queue.indexOf(p);
          if (qi < 0) return;
          this.queue.splice(qi, 1);
          resolve2(null);
        },
        { once: true }
      );
      this.pump();
    });
  }
  /** Posts to the worker holding `p` (a session's lease); false when that worker is gone. */
  postTo(p, msg) {
    const slot = this.slots.find((s2) => s2.current === p && !s2.dead);
    if (!slot) return false;
    slot.worker.postMessage(msg);
    return true;
  }
  /** A session that ended: its worker takes the next job (the session's eval is over). */
  releaseLease(p) {
    const slot = this.slots.find((s2) => s2.current === p);
    if (!slot) return;
    slot.current = null;
    this.pump();
  }
  /** A session whose eval does not stop when interrupted: its worker is terminated and replaced. */
  killLease(p) {
    const slot = this.slots.find((s2) => s2.current === p);
    if (!slot) return;
    slot.isReady = false;
    void slot.worker.terminate();
  }
  starting = 0;
  pump() {
    if (this.closed) return;
    while (this.queue.length) {
      const slot = this.slots.find((s2) => !s2.current && !s2.dead && s2.isReady);
      if (!slot) {
        const busyOrStarting = this.slots.length + this.starting;
        if (busyOrStarting < this.size) {
          this.starting++;
          void this.spawnSlot().then(
            (s2) => {
              s2.ready.then(
                () => {
                  this.starting--;
                  s2.isReady = true;
                  this.pump();
                },
                (e) => {
                  this.starting--;
                  this.failAll(`cannot start solver: ${e.message}`);
                }
              );
            },
            (e) => {
              this.starting--;
              this.failAll(`cannot start solver: ${e.message}`);
            }
          );
          continue;
        }
        return;
      }
      const p = this.queue.shift();
      slot.current = p;
      if (p.lease) p.lease.grant();
      else this.dispatch(slot, p);
    }
  }
  failAll(reason) {
    if (this.slots.some((s2) => s2.isReady && !s2.dead) || this.starting > 0) return;
    for (const p of this.queue.splice(0)) p.resolve({ result: "error", model: null, reason, ms: 0 });
  }
  dispatch(slot, p) {
    if (slot.dead) return;
    if (p.job.signal?.aborted) {
      slot.current = null;
      p.resolve({ result: "canceled", model: null, reason: "canceled", ms: 0 });
      this.pump();
      return;
    }
    p.job.onStart?.();
    slot.worker.postMessage({ type: "check", id: p.id, query: Z3_DEFAULT_OPTIONS + p.job.query, timeoutMs: p.job.timeoutMs, wantModel: p.job.wantModel });
    slot.timers.push(
      setTimeout(() => {
        if (slot.current === p) slot.worker.postMessage({ type: "interrupt" });
      }, p.job.timeoutMs + this.graceMs)
    );
    slot.timers.push(
      setTimeout(() => {
        if (slot.current === p) {
          slot.current = null;
          p.resolve({ result: "timeout", model: null, reason: "solver did not answer; worker terminated and replaced", ms: p.job.timeoutMs });
          slot.isReady = false;
          void slot.worker.terminate();
        }
      }, p.job.timeoutMs + this.graceMs * 3)
    );
  }
  /** Test hook: terminate the workers held by sessions (as a crash would). */
  crashLeased() {
    for (const s2 of this.slots) if (s2.current?.lease) void s2.worker.terminate();
  }
  /** Test hook: make one busy (or any) worker crash. */
  crashOne() {
    const s2 = this.slots.find((x) => x.current) ?? this.slots[0];
    if (s2) void s2.worker.terminate();
  }
  async shutdown() {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve({ result: "canceled", model: null, reason: "shutdown", ms: 0 });
    await Promise.all(
      this.slots.map(async (s2) => {
        this.clearTimers(s2);
        const bye = new Promise((res) => {
          s2.worker.once("exit", () => res());
        });
        try {
          s2.worker.postMessage({ type: "shutdown" });
        } catch {
        }
        const t = setTimeout(() => void s2.worker.terminate(), 2e3);
        await bye;
        clearTimeout(t);
      })
    );
    this.slots = [];
  }
};
var WasmSession = class {
  constructor(pool2, p, onGrant) {
    this.pool = pool2;
    this.p = p;
    this.onGrant = onGrant;
  }
  pool;
  p;
  onGrant;
  alive = true;
  seq = 0;
  inFlight = null;
  /** The id of an eval still running in the worker after the session ended. */
  draining = null;
  closed = false;
  granted = false;
  /** The pool gave this session a worker. */
  grant() {
    this.granted = true;
    this.onGrant(this);
  }
  send(text, limitMs) {
    if (!this.alive) return Promise.resolve({ ok: false, timedOut: false, reason: "solver worker session ended", ms: 0 });
    if (this.inFlight) throw new Error("WasmSession.send: a send is in flight");
    const id = ++this.seq;
    return new Promise((resolve2) => {
      const t0 = performance.now();
      const timer = setTimeout(() => this.end(`solver worker did not answer within ${limitMs} ms`, true), limitMs);
      this.inFlight = { id, t0, resolve: resolve2, timer };
      if (!this.pool.postTo(this.p, { type: "eval", id, text })) this.lost("solver worker is gone");
    });
  }
  onEvaluated(msg) {
    const w = this.inFlight;
    if (w && w.id === msg.id) {
      this.inFlight = null;
      clearTimeout(w.timer);
      const ms = performance.now() - w.t0;
      w.resolve(msg.error !== void 0 ? { ok: false, timedOut: false, reason: `solver error: ${msg.error}`, ms } : { ok: true, out: msg.out ?? "", ms });
    } else if (this.draining === msg.id) {
      this.draining = null;
      this.maybeRelease();
    }
  }
  end(reason, timedOut) {
    if (!this.alive) return;
    this.alive = false;
    const w = this.inFlight;
    if (!w) return;
    this.inFlight = null;
    clearTimeout(w.timer);
    w.resolve({ ok: false, timedOut, reason, ms: performance.now() - w.t0 });
    this.draining = w.id;
    this.pool.postTo(this.p, { type: "interrupt" });
    setTimeout(() => {
      if (this.draining === w.id) this.pool.killLease(this.p);
    }, this.pool.cancelGraceMs);
  }
  /** The worker died: the send in flight fails, nothing is left to drain. */
  lost(why) {
    this.draining = null;
    this.end(why, false);
    this.draining = null;
  }
  /** The session is done with its worker. */
  close() {
    this.closed = true;
    this.alive = false;
    this.maybeRelease();
  }
  maybeRelease() {
    if (this.closed && this.granted && this.draining === null) this.pool.releaseLease(this.p);
  }
};
var WasmSessionHost = class {
  constructor(pool2) {
    this.pool = pool2;
  }
  pool;
  async open(priority, signal) {
    const s2 = await this.pool.lease(priority, signal);
    if (!s2) return null;
    let given = false;
    return {
      session: () => {
        if (given && !s2.alive) return null;
        given = true;
        return s2;
      },
      close: () => s2.close()
    };
  }
  crashActive() {
    this.pool.crashLeased();
  }
  shutdown() {
  }
};
function parseNativeOutput(out, ms) {
  const first = out.split("\n")[0].trim();
  const reasonMatch = /^\(:reason-unknown "([^"]*)"\)\s*$/m.exec(out);
  const reason = reasonMatch?.[1] ?? "";
  const rest = out.slice(out.indexOf("\n") + 1, reasonMatch ? reasonMatch.index : void 0).trim();
  const model = rest && !rest.startsWith("(error") ? rest : null;
  if (first === "unsat") return { result: "unsat", model: null, reason: "", ms };
  if (first === "sat") return { result: "sat", model, reason: "", ms };
  if (first === "timeout" || first === "unknown" && /timeout|canceled/.test(reason)) return { result: "timeout", model: null, reason: reason || first, ms };
  if (first === "unknown") return { result: "unknown", model, reason: reason || "unknown", ms };
  return { result: "error", model: null, reason: out.slice(0, 500), ms };
}
function querySuffix(job) {
  return (job.wantModel ? "(get-model)\n" : "") + "(get-info :reason-unknown)\n";
}
var Z3_DEFAULT_OPTIONS = "(set-option :smt.mbqi true)\n(set-option :auto_config true)\n(set-option :smt.case_split 1)\n(set-option :smt.arith.solver 6)\n(set-option :smt.arith.nl true)\n(set-option :rlimit 0)\n(set-option :combined_solver.solver2_timeout 4294967295)\n";
var KILL_GRACE_MS = 3e3;
async function runOnProcess(proc, job) {
  const onAbort = () => proc.end("canceled", false);
  job.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const reply = await proc.send(`(reset)
${Z3_DEFAULT_OPTIONS}(set-option :timeout ${Math.max(1, job.timeoutMs)})
${job.query}${querySuffix(job)}`, job.timeoutMs + KILL_GRACE_MS);
    if (reply.ok) return parseNativeOutput(reply.out, reply.ms);
    if (job.signal?.aborted) return { result: "canceled", model: null, reason: "canceled", ms: reply.ms };
    return { result: reply.timedOut ? "timeout" : "error", model: null, reason: reply.timedOut ? "native z3 killed after timeout" : reply.reason, ms: reply.ms };
  } finally {
    job.signal?.removeEventListener("abort", onAbort);
  }
}
var NativeSolverQueue = class {
  constructor(size, bin = "z3") {
    this.size = size;
    this.bin = bin;
  }
  size;
  bin;
  running = 0;
  waiting = [];
  idle = [];
  /**
   * Waits for one of the `size` slots (shared by standalone queries and incremental sessions):
   * false when `signal` aborted first. Each `true` must be followed by one `release()`.
   */
  async acquire(priority, signal) {
    if (this.running >= this.size) {
      await new Promise((resolve2) => {
        const entry = { go: () => resolve2(), priority };
        const at = this.waiting.findIndex((w) => w.priority < priority);
        if (at < 0) this.waiting.push(entry);
        else this.waiting.splice(at, 0, entry);
        signal?.addEventListener("abort", () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve2();
        }, { once: true });
      });
    }
    if (signal?.aborted) return false;
    this.running++;
    return true;
  }
  release() {
    this.running--;
    this.waiting.shift()?.go();
  }
  async run(job) {
    if (!await this.acquire(job.urgent ? Infinity : job.priority ?? 0, job.signal)) return { result: "canceled", model: null, reason: "canceled", ms: 0 };
    let proc = this.idle.pop();
    while (proc && !proc.alive) proc = this.idle.pop();
    proc ??= new Z3Process(this.bin);
    try {
      job.onStart?.();
      return await runOnProcess(proc, job);
    } finally {
      if (proc.alive) this.idle.push(proc);
      this.release();
    }
  }
  /** Ends the idle processes. */
  shutdown() {
    for (const p of this.idle) p.end("shutdown", false);
    this.idle = [];
  }
};

// toolchain/verifier/incremental-solver.ts
function isOneAnswer(out) {
  const lines2 = out.split("\n").filter((l) => l.trim() !== "");
  return lines2.length === 2 && /^(sat|unsat|unknown|timeout)$/.test(lines2[0].trim()) && /^\(:reason-unknown "[^"]*"\)$/.test(lines2[1].trim());
}
var LOAD_LIMIT_MS = 3e4;
var KILL_GRACE_MS2 = 3e3;
var IncrementalSolver = class {
  constructor(host, options = {}) {
    this.host = host;
    if (options.slowCheckMs !== void 0) this.slowCheckMs = options.slowCheckMs;
    if (options.oneShotAfterMs !== void 0) this.oneShotAfterMs = options.oneShotAfterMs;
  }
  host;
  /** A check slower than this resets the session before the next one (context pollution). */
  slowCheckMs = 500;
  /** Checks run, checks answered `unsat`, sessions reset (reloaded from scratch), sessions replaced. */
  checks = 0;
  unsat = 0;
  resets = 0;
  replaced = 0;
  /** How long a check runs in z3's incremental solver before z3 hands it to its one-shot solver. */
  oneShotAfterMs = 200;
  /** Runs a plan's checks in order in one session: each answer, `unsat` or why not. */
  async run(job) {
    const { plan, timeoutMs, signal } = job;
    const answers = [];
    const answer = (item, r) => {
      answers.push({ item, r });
      job.onAnswer?.({ item, r });
    };
    const giveUp = (from, r) => {
      for (const c of plan.checks.slice(from)) answer(c.item, r);
    };
    if (!plan.checks.length) return answers;
    const lease = await this.host.open(job.priority, signal);
    if (!lease) {
      giveUp(0, { result: "canceled", model: null, reason: "canceled", ms: 0 });
      return answers;
    }
    let session = lease.session();
    const onAbort = () => session?.end("canceled", false);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      let sent = "";
      let loaded = false;
      for (let i = 0; i < plan.checks.length; i++) {
        const check = plan.checks[i];
        if (signal?.aborted) return giveUp(i, { result: "canceled", model: null, reason: "canceled", ms: 0 }), answers;
        sent += check.add;
        let text = check.add;
        if (!loaded && !session?.alive) {
          const had = session !== null;
          session = lease.session();
          if (had && session) this.replaced++;
        }
        if (!session) return giveUp(i, { result: "error", model: null, reason: "no incremental session could be started", ms: 0 }), answers;
        if (!loaded) {
          const load = await session.send(`(reset)
${Z3_DEFAULT_OPTIONS}(set-option :timeout ${Math.max(1, timeoutMs)})
${this.oneShotAfterMs === null ? "" : `(set-option :combined_solver.solver2_timeout ${this.oneShotAfterMs})
`}${plan.base}${sent}`, LOAD_LIMIT_MS);
          if (!load.ok || /\(error /.test(load.out)) {
            giveUp(i, { result: "error", model: null, reason: `incremental session could not load the context: ${load.ok ? load.out.slice(0, 300) : load.reason}`, ms: 0 });
            return answers;
          }
          loaded = true;
          text = "";
        }
        const reply = await session.send(`${text}(push)
${check.goal}(check-sat)
(get-info :reason-unknown)
(pop)
`, timeoutMs + KILL_GRACE_MS2);
        let r;
        if (!reply.ok) r = { result: signal?.aborted ? "canceled" : reply.timedOut ? "timeout" : "error", model: null, reason: reply.reason, ms: reply.ms };
        else if (!isOneAnswer(reply.out)) r = { result: "error", model: null, reason: `unexpected output: ${reply.out.slice(0, 500)}`, ms: reply.ms };
        else r = parseNativeOutput(reply.out, reply.ms);
        this.checks++;
        if (r.result === "unsat") this.unsat++;
        answer(check.item, r);
        if (r.result !== "unsat" || r.ms > this.slowCheckMs) {
          loaded = false;
          this.resets++;
        }
      }
      return answers;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      lease.close();
    }
  }
  /** Test hook: ends the sessions running now (as a solver crash would). */
  crashActive() {
    this.host.crashActive();
  }
  shutdown() {
    this.host.shutdown();
  }
};

// toolchain/verifier/incremental-plan.ts
function baseOf(q) {
  const head = printQuery({ ...q, decls: [], facts: [], goal: void 0 });
  return head.slice(0, head.length - "(check-sat)\n".length);
}
function planIncremental(inputs) {
  const standalone = [];
  const counts = /* @__PURE__ */ new Map();
  for (const x of inputs) if (x.query.goal !== void 0) counts.set(x.query.prelude, (counts.get(x.query.prelude) ?? 0) + 1);
  let main = null;
  for (const [p, n] of counts) if (main === null || n > counts.get(main)) main = p;
  const first = inputs.find((x) => x.query.prelude === main && x.query.goal !== void 0);
  if (!first) return { base: "", checks: [], standalone: inputs.map((x) => x.item) };
  const sameConfig = (q) => q.prelude === main && q.mbqi === first.query.mbqi && q.options.length === first.query.options.length && q.options.every((o, i) => o === first.query.options[i]);
  const fits = inputs.filter((x) => x.query.goal !== void 0 && sameConfig(x.query));
  for (const x of inputs) if (!fits.includes(x)) standalone.push(x.item);
  fits.sort((a, b) => a.query.facts.length - b.query.facts.length || a.query.decls.length - b.query.decls.length);
  const base = baseOf(first.query);
  const checks = [];
  let decls = [];
  let facts = [];
  let declText = "";
  let factText = "";
  for (const x of fits) {
    const q = x.query;
    const extends_ = q.decls.length >= decls.length && q.facts.length >= facts.length && decls.every((d, i) => q.decls[i] === d) && facts.every((f, i) => q.facts[i] === f);
    if (!extends_) {
      standalone.push(x.item);
      continue;
    }
    let newDecls = "";
    for (const d of q.decls.slice(decls.length)) newDecls += d + "\n";
    let newFacts = "";
    for (const f of q.facts.slice(facts.length)) newFacts += `(assert ${printShared(f)})
`;
    const goal = `(assert (not ${print(q.goal)}))
`;
    if (base + declText + newDecls + factText + newFacts + goal + "(check-sat)\n" !== x.text) {
      standalone.push(x.item);
      continue;
    }
    declText += newDecls;
    factText += newFacts;
    decls = q.decls;
    facts = q.facts;
    checks.push({ item: x.item, add: newDecls + newFacts, goal });
  }
  return { base, checks, standalone };
}

// toolchain/verifier/cache.ts
import { createHash as createHash2 } from "node:crypto";
var CACHE_FORMAT = 2;
function cacheKey(query, options) {
  const h = createHash2("sha256");
  h.update(`stratos-verifier-cache-v${CACHE_FORMAT}\0${JSON.stringify(options)}\0`);
  h.update(query);
  return h.digest("hex");
}
function isCacheable(r) {
  return r.result === "sat" || r.result === "unsat" || r.result === "unknown" && /incomplete/i.test(r.reason);
}
function parseObject(text) {
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" ? v : null;
  } catch {
    return null;
  }
}
function decodeEntry(text) {
  const r = parseObject(text);
  if (!r) return null;
  if (typeof r.result !== "string" || typeof r.reason !== "string" || typeof r.ms !== "number") return null;
  if (r.model !== null && typeof r.model !== "string") return null;
  const res = { result: r.result, model: r.model, reason: r.reason, ms: r.ms };
  return isCacheable(res) ? res : null;
}
function decodeFunctionEntry(text) {
  const e = parseObject(text);
  if (!e) return null;
  const r = e.result;
  if (e.kind !== "function" || !r || typeof r !== "object" || !Array.isArray(e.callees) || !e.callees.every((c) => typeof c === "string")) return null;
  if (r.status !== "verified" || typeof r.name !== "string" || typeof r.file !== "string" || !Array.isArray(r.obligations)) return null;
  if (!r.obligations.every((o) => o && o.status === "proved")) return null;
  return { result: r, callees: e.callees };
}
var decodedFunctions = /* @__PURE__ */ new Map();
var DECODED_FUNCTIONS_LIMIT = 4096;
function rememberFunction(id, entry) {
  decodedFunctions.delete(id);
  decodedFunctions.set(id, entry);
  if (decodedFunctions.size > DECODED_FUNCTIONS_LIMIT) decodedFunctions.delete(decodedFunctions.keys().next().value);
}
var ResultCache = class {
  constructor(backend) {
    this.backend = backend;
  }
  backend;
  hits = 0;
  misses = 0;
  /** The first backend failure of this run (the backend is not used again in this run). */
  warning = null;
  /** Waits until every entry this run put is stored (a run's last step). */
  async flush() {
    try {
      await this.backend.flush();
    } catch {
    }
  }
  async get(key) {
    if (this.warning !== null) {
      this.misses++;
      return null;
    }
    let text;
    try {
      text = await this.backend.get(key);
    } catch (e) {
      this.fail(e);
      this.misses++;
      return null;
    }
    const r = text === null ? null : decodeEntry(text);
    if (r) this.hits++;
    else this.misses++;
    return r;
  }
  async put(key, r) {
    if (!isCacheable(r) || this.warning !== null) return;
    try {
      await this.backend.put(key, JSON.stringify(r));
    } catch (e) {
      this.fail(e);
    }
  }
  /** Function-key entries (fn-key.ts): a `verified` function's result and callees. */
  functionHits = 0;
  async getFunction(key) {
    if (this.warning !== null) return null;
    const id = this.backend.location === void 0 ? void 0 : `${this.backend.location}\0${key}`;
    const known = id === void 0 ? void 0 : decodedFunctions.get(id);
    if (known) {
      this.functionHits++;
      return known;
    }
    let text;
    try {
      text = await this.backend.get(key);
    } catch (e) {
      this.fail(e);
      return null;
    }
    const entry = text === null ? null : decodeFunctionEntry(text);
    if (entry) {
      this.functionHits++;
      if (id !== void 0) rememberFunction(id, entry);
    }
    return entry;
  }
  async putFunction(key, entry) {
    if (entry.result.status !== "verified" || this.warning !== null) return;
    try {
      const text = JSON.stringify({ kind: "function", ...entry });
      const decoded = this.backend.location === void 0 ? null : decodeFunctionEntry(text);
      if (decoded) rememberFunction(`${this.backend.location}\0${key}`, decoded);
      await this.backend.put(key, text);
    } catch (e) {
      this.fail(e);
    }
  }
  fail(e) {
    this.warning ??= `result cache ${this.backend.name} unavailable (${e instanceof Error ? e.message : String(e)}); the remaining queries of this run were solved without it`;
  }
};

// toolchain/verifier/cache-local.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import * as path2 from "node:path";
var LocalCacheBackend = class {
  name = ".stratos/cache";
  dir;
  location;
  /** Entries written behind, not on disk yet. */
  unwritten = /* @__PURE__ */ new Map();
  writes = /* @__PURE__ */ new Set();
  lastWrite = /* @__PURE__ */ new Map();
  madeDirs = /* @__PURE__ */ new Set();
  seq = 0;
  constructor(root2) {
    this.dir = path2.join(root2, ".stratos", "cache");
    this.location = `local:${path2.resolve(this.dir)}`;
  }
  file(key) {
    return path2.join(this.dir, key.slice(0, 2), key.slice(2) + ".json");
  }
  async get(key) {
    const pending = this.unwritten.get(key);
    if (pending !== void 0) return pending;
    try {
      return readFileSync2(this.file(key), "utf8");
    } catch {
      return null;
    }
  }
  async put(key, value) {
    this.unwritten.set(key, value);
    const before = this.lastWrite.get(key) ?? Promise.resolve();
    const w = before.then(() => this.write(key, value)).finally(() => {
      this.writes.delete(w);
      if (this.lastWrite.get(key) === w) this.lastWrite.delete(key);
      if (this.unwritten.get(key) === value) this.unwritten.delete(key);
    });
    this.writes.add(w);
    this.lastWrite.set(key, w);
  }
  async write(key, value) {
    try {
      const f = this.file(key);
      const dir = path2.dirname(f);
      if (!this.madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      const tmp = `${f}.${process.pid}.${++this.seq}.tmp`;
      await writeFile(tmp, value);
      await rename(tmp, f);
    } catch {
    }
  }
  async flush() {
    while (this.writes.size) await Promise.all([...this.writes]);
  }
  async close() {
    await this.flush();
  }
};

// toolchain/verifier/cache-redis.ts
import { Redis } from "ioredis";
var DEFAULTS = { opTimeoutMs: 1e3, connectTimeoutMs: 2e3, retryAfterMs: 3e4 };
function redactUrl(url) {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return "<cache URL>";
  }
}
function withTimeout(p, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
var RedisCacheBackend = class _RedisCacheBackend {
  constructor(url, opts2 = {}) {
    this.url = url;
    this.name = redactUrl(url);
    this.opts = { ...DEFAULTS, ...opts2 };
  }
  url;
  name;
  opts;
  client = null;
  pending = null;
  down = null;
  /** The namespaced Redis key of a cache key. */
  static redisKey(key) {
    return `stratos:v${CACHE_FORMAT}:${key}`;
  }
  connection() {
    if (this.client?.status === "ready") return Promise.resolve(this.client);
    if (this.down && performance.now() < this.down.until) return Promise.reject(this.down.error);
    this.pending ??= this.connect().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }
  async connect() {
    this.client?.disconnect();
    this.client = null;
    const c = new Redis(this.url, {
      lazyConnect: true,
      connectTimeout: this.opts.connectTimeoutMs,
      commandTimeout: this.opts.opTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null
    });
    let socketError = null;
    c.on("error", (e) => {
      socketError ??= e;
    });
    try {
      await withTimeout(c.connect(), this.opts.connectTimeoutMs, `connecting to ${this.name}`);
    } catch (e) {
      c.disconnect();
      const error = socketError ?? e;
      this.down = { until: performance.now() + this.opts.retryAfterMs, error };
      throw error;
    }
    this.down = null;
    this.client = c;
    return c;
  }
  async get(key) {
    const c = await this.connection();
    return withTimeout(c.get(_RedisCacheBackend.redisKey(key)), this.opts.opTimeoutMs, `GET on ${this.name}`);
  }
  async put(key, value) {
    const c = await this.connection();
    await withTimeout(c.set(_RedisCacheBackend.redisKey(key), value), this.opts.opTimeoutMs, `SET on ${this.name}`);
  }
  /** Each `put` is sent before it resolves. */
  async flush() {
  }
  async close() {
    await this.pending?.catch(() => void 0);
    const c = this.client;
    this.client = null;
    if (!c) return;
    try {
      await withTimeout(c.quit(), this.opts.opTimeoutMs, `closing ${this.name}`);
    } catch {
      c.disconnect();
    }
  }
};

// toolchain/verifier/cache-backend.ts
function parseCacheSpec(spec) {
  if (spec === "local") return { kind: "local" };
  let u;
  try {
    u = new URL(spec);
  } catch {
    return `cache must be \`local\` or a redis://HOST:PORT URL, not \`${spec}\``;
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") return `cache must be \`local\` or a redis:// or rediss:// URL, not a ${u.protocol} URL`;
  if (!u.hostname) return `cache URL \`${redactUrl(spec)}\` has no host`;
  return { kind: "redis", url: spec };
}
var redisBackends = /* @__PURE__ */ new Map();
function openCacheBackend(spec, root2) {
  if (spec.kind === "local") return new LocalCacheBackend(root2);
  let b = redisBackends.get(spec.url);
  if (!b) {
    b = new RedisCacheBackend(spec.url);
    redisBackends.set(spec.url, b);
  }
  return b;
}

// toolchain/verifier/shard.ts
import { createHash as createHash3 } from "node:crypto";
function shardOfFile(file, count) {
  const h = createHash3("sha256").update(file.replace(/\\/g, "/")).digest();
  return h.readUInt32BE(0) % count + 1;
}
function inShard(file, shard) {
  return !shard || shardOfFile(file, shard.count) === shard.index;
}

// toolchain/verifier/qi-profile.ts
import { spawn as spawn2 } from "node:child_process";
import pLimit from "p-limit";
var LINE_PREFIX = "[quantifier_instances]";
function parseQiProfile(text) {
  const counts = /* @__PURE__ */ new Map();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith(LINE_PREFIX)) continue;
    const fields = line.slice(LINE_PREFIX.length).split(/\s+:\s+/).map((f) => f.trim());
    if (fields.length < 4) continue;
    const [qid, ...nums] = fields;
    if (!qid || !nums.every((n) => /^[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$/.test(n))) continue;
    counts.set(qid, (counts.get(qid) ?? 0) + Number(nums[0]));
  }
  return counts;
}
function addCounts(a, b) {
  for (const [q, n] of b) a.set(q, (a.get(q) ?? 0) + n);
}
var INTERRUPT_GRACE_MS = 3e3;
var KILL_GRACE_MS3 = 2e3;
function runProfiled(job, bin = "z3") {
  return new Promise((resolve2) => {
    const t0 = performance.now();
    const child = spawn2(bin, ["-in", "-smt2", `-t:${Math.max(1, job.timeoutMs)}`, "smt.qi.profile=true"], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let done = false;
    let interrupted = null;
    let killTimer;
    const finish = (p) => {
      if (done) return;
      done = true;
      clearTimeout(overdue);
      clearTimeout(killTimer);
      job.signal?.removeEventListener("abort", onAbort);
      resolve2(p);
    };
    const interrupt = (why) => {
      if (interrupted || done) return;
      interrupted = why;
      child.kill("SIGINT");
      killTimer = setTimeout(() => {
        child.kill("SIGKILL");
        finish({ r: { ...why, ms: performance.now() - t0 }, instances: parseQiProfile(err), complete: false, started: true });
      }, KILL_GRACE_MS3);
    };
    const overdue = setTimeout(() => interrupt({ result: "timeout", model: null, reason: "native z3 interrupted after timeout", ms: 0 }), job.timeoutMs + INTERRUPT_GRACE_MS);
    const onAbort = () => interrupt({ result: "canceled", model: null, reason: "canceled", ms: 0 });
    job.signal?.addEventListener("abort", onAbort, { once: true });
    if (job.signal?.aborted) onAbort();
    job.onStart?.();
    child.stdout.on("data", (d) => out += d.toString());
    child.stderr.on("data", (d) => err += d.toString());
    child.on("error", (e) => finish({ r: { result: "error", model: null, reason: `cannot run ${bin}: ${e.message}`, ms: 0 }, instances: /* @__PURE__ */ new Map(), complete: false, started: true }));
    child.on("close", (code, signal) => {
      const ms = performance.now() - t0;
      const r = interrupted ? { ...interrupted, ms } : parseNativeOutput(out, ms);
      finish({ r, instances: parseQiProfile(err), complete: signal === null && code !== null, started: true });
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(job.query + querySuffix(job));
  });
}
var ProfilingSolver = class {
  constructor(size, bin = "z3") {
    this.size = size;
    this.bin = bin;
    this.limit = pLimit(size);
  }
  size;
  bin;
  limit;
  run(job) {
    return this.limit(() => {
      if (job.signal?.aborted) return { r: { result: "canceled", model: null, reason: "canceled", ms: 0 }, instances: /* @__PURE__ */ new Map(), complete: false, started: false };
      return runProfiled(job, this.bin);
    });
  }
};

// toolchain/verifier/counterexample.ts
function parseSexp(text) {
  const out = [];
  const stack = [out];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === "(") {
      const l = [];
      stack[stack.length - 1].push(l);
      stack.push(l);
      i++;
    } else if (c === ")") {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === " " || c === "\n" || c === "	" || c === "\r") i++;
    else if (c === "|") {
      const j = text.indexOf("|", i + 1);
      const e = j < 0 ? n : j + 1;
      stack[stack.length - 1].push(text.slice(i, e));
      i = e;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      stack[stack.length - 1].push(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === ";") {
      while (i < n && text[i] !== "\n") i++;
    } else {
      let j = i;
      while (j < n && !" \n	\r()|".includes(text[j])) j++;
      stack[stack.length - 1].push(text.slice(i, j));
      i = j;
    }
  }
  return out;
}
function unbar(s2) {
  return s2.startsWith("|") && s2.endsWith("|") ? s2.slice(1, -1) : s2;
}
function parseModel(text) {
  const top = parseSexp(text);
  const consts = /* @__PURE__ */ new Map();
  const funs = /* @__PURE__ */ new Map();
  const visit = (x) => {
    if (!Array.isArray(x)) return;
    if (x[0] === "define-fun" && typeof x[1] === "string" && Array.isArray(x[2])) {
      const name = unbar(x[1]);
      if (x[2].length === 0) consts.set(name, x[4]);
      else funs.set(name, { params: x[2].map((p) => Array.isArray(p) ? unbar(String(p[0])) : ""), body: x[4] });
      return;
    }
    for (const y of x) visit(y);
  };
  for (const t of top) visit(t);
  return { consts, funs };
}
var ARITH_HEADS = /* @__PURE__ */ new Set(["-", "+", "*", "=", "<", "<=", ">", ">="]);
var MAX_MODEL_DIGITS = 1e4;
var MODEL_INT_BOUND = 10n ** BigInt(MAX_MODEL_DIGITS);
var Evaluator = class {
  constructor(m) {
    this.m = m;
  }
  m;
  eval(x, env = /* @__PURE__ */ new Map(), depth = 0) {
    if (depth > 200) return x;
    if (typeof x === "bigint") return x;
    if (typeof x === "string") {
      const u = unbar(x);
      if (env.has(u)) return env.get(u);
      const c = this.m.consts.get(u);
      if (c !== void 0 && depth < 100) return this.eval(c, /* @__PURE__ */ new Map(), depth + 1);
      return x;
    }
    if (!x.length) return x;
    const h = x[0];
    if (h === "ite") {
      const c = this.eval(x[1], env, depth + 1);
      return c === "true" ? this.eval(x[2], env, depth + 1) : c === "false" ? this.eval(x[3], env, depth + 1) : x;
    }
    if (h === "let" && Array.isArray(x[1])) {
      const env2 = new Map(env);
      for (const b of x[1]) if (Array.isArray(b)) env2.set(unbar(String(b[0])), this.eval(b[1], env, depth + 1));
      return this.eval(x[2], env2, depth + 1);
    }
    const args = x.slice(1).map((a) => this.eval(a, env, depth + 1));
    const ints = typeof h === "string" && ARITH_HEADS.has(h) ? args.map((a) => this.int(a)) : [];
    const allInt = ints.length > 0 && ints.every((v) => v !== null);
    switch (h) {
      case "-":
        if (allInt) {
          const v = this.num(args.length === 1 ? -ints[0] : ints.slice(1).reduce((p, q) => p - q, ints[0]));
          if (v !== null) return v;
        }
        break;
      case "+":
        if (allInt) {
          const v = this.num(ints.reduce((p, q) => p + q, 0n));
          if (v !== null) return v;
        }
        break;
      case "*":
        if (allInt) {
          const v = this.num(ints.reduce((p, q) => p * q, 1n));
          if (v !== null) return v;
        }
        break;
      case "=":
        if (args.length === 2 && typeof args[0] === "string" && typeof args[1] === "string") return args[0] === args[1] || allInt && ints[0] === ints[1] ? "true" : "false";
        if (allInt) return ints[0] === ints[1] ? "true" : "false";
        break;
      case "<":
        if (allInt) return ints[0] < ints[1] ? "true" : "false";
        break;
      case "<=":
        if (allInt) return ints[0] <= ints[1] ? "true" : "false";
        break;
      case ">":
        if (allInt) return ints[0] > ints[1] ? "true" : "false";
        break;
      case ">=":
        if (allInt) return ints[0] >= ints[1] ? "true" : "false";
        break;
      case "and":
        return args.every((a) => a === "true") ? "true" : args.some((a) => a === "false") ? "false" : [h, ...args];
      case "or":
        return args.some((a) => a === "true") ? "true" : args.every((a) => a === "false") ? "false" : [h, ...args];
      case "not":
        return args[0] === "true" ? "false" : args[0] === "false" ? "true" : [h, ...args];
    }
    if (typeof h === "string") {
      const f = this.m.funs.get(unbar(h));
      if (f && f.params.length === args.length) {
        const env2 = /* @__PURE__ */ new Map();
        f.params.forEach((p, i) => env2.set(p, args[i]));
        return this.eval(f.body, env2, depth + 1);
      }
    }
    return [h, ...args];
  }
  known(name) {
    return this.m.consts.has(unbar(name));
  }
  /**
   * The integer a numeral (`123`, `(- 123)`) stands for, or null. Each numeral's text is
   * converted once (a 20,000-digit one takes ~1 ms, and an evaluation meets the same ones over and
   * over: every element of a sequence, every application of a model function); a numeral longer
   * than MAX_MODEL_DIGITS is not read (the value stays unknown).
   */
  int(x) {
    if (typeof x === "bigint") return x;
    if (typeof x === "string") return this.numeral(x);
    if (x.length === 2 && x[0] === "-" && typeof x[1] === "string") {
      const v = this.numeral(x[1]);
      return v === null ? null : -v;
    }
    return null;
  }
  numerals = /* @__PURE__ */ new Map();
  numeral(s2) {
    const c = s2.charCodeAt(0);
    if (!(c >= 48 && c <= 57) || s2.length > MAX_MODEL_DIGITS) return null;
    let v = this.numerals.get(s2);
    if (v === void 0) {
      v = /^\d+$/.test(s2) ? BigInt(s2) : null;
      this.numerals.set(s2, v);
    }
    return v;
  }
  /** A computed integer, or null when it is too large to keep computing with. */
  num(v) {
    return v >= MODEL_INT_BOUND || v <= -MODEL_INT_BOUND ? null : v;
  }
  /** Value of an array term at index `i`. */
  select(arr, i, depth = 0) {
    if (depth > 1e3) return null;
    arr = this.eval(arr);
    if (Array.isArray(arr)) {
      if (Array.isArray(arr[0]) && arr[0][0] === "as" && arr[0][1] === "const") return this.eval(arr[1]);
      if (arr[0] === "store") {
        const k = this.eval(arr[2]);
        if (sexpEq(k, i)) return this.eval(arr[3]);
        return this.select(arr[1], i, depth + 1);
      }
      if (arr[0] === "_" && arr[1] === "as-array" && typeof arr[2] === "string") {
        const f = this.m.funs.get(unbar(arr[2]));
        if (!f) return null;
        return this.eval(f.body, /* @__PURE__ */ new Map([[f.params[0], i]]));
      }
      if (arr[0] === "lambda" && Array.isArray(arr[1]) && Array.isArray(arr[1][0])) {
        return this.eval(arr[2], /* @__PURE__ */ new Map([[unbar(String(arr[1][0][0])), i]]));
      }
    }
    return null;
  }
};
function sexpText(x) {
  return JSON.stringify(x, (_k, v) => typeof v === "bigint" ? v < 0n ? ["-", (-v).toString()] : v.toString() : v);
}
function sexpEq(a, b) {
  if (a === b) return true;
  return sexpText(a) === sexpText(b);
}
var MAX_ELEMS = 16;
var ModelReader = class {
  constructor(crate, model) {
    this.crate = crate;
    this.ev = new Evaluator(model);
  }
  crate;
  ev;
  concrete(term, ty) {
    return this.toCV(this.ev.eval(term), ty, 0);
  }
  /** Default value of a type: what an unconstrained model constant may take. */
  defaultCV(ty, depth = 0) {
    ty = ty;
    if (depth > 8) return { k: "unknown" };
    switch (ty.k) {
      case "int":
        return { k: "int", v: 0n };
      case "bool":
        return { k: "bool", v: false };
      case "array":
        if (typeof ty.len === "string") return { k: "unknown" };
        return { k: "seq", elems: Array.from({ length: ty.len }, () => this.defaultCV(ty.elem, depth + 1)) };
      case "seq":
        return { k: "seq", elems: [] };
      case "struct":
      case "enum":
      case "tuple": {
        const dt = datatypeOf(this.crate, ty);
        if (!dt) return { k: "unknown" };
        const c = dt.ctors.find((cc) => cc.fields.length === 0) ?? dt.ctors[0];
        return { k: "dt", ctor: c.name, fields: c.fields.map((f) => this.defaultCV(f.ty, depth + 1)) };
      }
      default:
        return { k: "unknown" };
    }
  }
  toCV(x, ty, depth) {
    ty = ty;
    if (depth > 8) return { k: "unknown" };
    if (typeof x === "string" && x.startsWith("|") && !this.ev.known(x)) return this.defaultCV(ty, depth);
    switch (ty.k) {
      case "int": {
        const v = this.ev.int(x);
        return v === null ? { k: "unknown" } : { k: "int", v };
      }
      case "bool":
        return x === "true" ? { k: "bool", v: true } : x === "false" ? { k: "bool", v: false } : { k: "unknown" };
      case "struct":
      case "enum":
      case "tuple": {
        const dt = datatypeOf(this.crate, ty);
        if (!dt) return { k: "unknown" };
        const head = Array.isArray(x) ? x[0] : x;
        const c = dt.ctors.find((cc) => cc.ctor === head || unbar(cc.ctor) === unbar(String(head)));
        if (!c) return { k: "unknown" };
        const args = Array.isArray(x) ? x.slice(1) : [];
        return { k: "dt", ctor: c.name, fields: c.fields.map((f, i) => args[i] !== void 0 ? this.toCV(this.ev.eval(args[i]), f.ty, depth + 1) : { k: "unknown" }) };
      }
      case "seq":
      case "array": {
        if (!Array.isArray(x) || x.length !== 3) return { k: "unknown" };
        const len = this.ev.int(this.ev.eval(x[1]));
        if (len === null || len < 0n || len > 4096n) return { k: "unknown" };
        const elems = [];
        for (let i = 0n; i < len; i++) {
          const v = this.ev.select(x[2], i.toString());
          elems.push(v === null ? this.defaultCV(ty.elem, depth + 1) : this.toCV(v, ty.elem, depth + 1));
        }
        return { k: "seq", elems };
      }
      default:
        return { k: "unknown" };
    }
  }
  /** Truth value of a boolean SMT term in the model, or null when the model does not decide it. */
  truth(term) {
    const parsed = parseSexp(term)[0];
    if (parsed === void 0) return null;
    const v = this.ev.eval(parsed);
    return v === "true" ? true : v === "false" ? false : null;
  }
  show(term, ty) {
    return this.fmt(this.ev.eval(term), ty, 0);
  }
  fmt(x, ty, depth) {
    ty = ty;
    if (depth > 6) return "..";
    switch (ty.k) {
      case "int": {
        const v = this.ev.int(x);
        if (v === null) return "?";
        return ty.kind === "int" || ty.kind === "nat" ? v.toString() : `${v}${ty.kind}`;
      }
      case "bool":
        return x === "true" || x === "false" ? x : "?";
      case "struct":
      case "enum":
      case "tuple": {
        const dt = datatypeOf(this.crate, ty);
        if (!dt) return "?";
        const head = Array.isArray(x) ? x[0] : x;
        const c = dt.ctors.find((cc) => unbar(cc.ctor) === unbar(String(head)));
        if (!c) return "?";
        const args = Array.isArray(x) ? x.slice(1) : [];
        const fv = c.fields.map((f, i) => args[i] !== void 0 ? this.fmt(this.ev.eval(args[i]), f.ty, depth + 1) : "?");
        if (ty.k === "tuple") return `(${fv.join(", ")}${fv.length === 1 ? "," : ""})`;
        if (ty.k === "struct") return `${ty.name} { ${c.fields.map((f, i) => `${f.name}: ${fv[i]}`).join(", ")} }`;
        const prefix = ty.name === "Option" ? c.name : `${ty.name}::${c.name}`;
        if (!c.fields.length) return prefix;
        const item = this.crate.enumItem(ty.name);
        const tupleLike = ty.name === "Option" || (item?.variants.find((v) => v.name === c.name)?.tupleLike ?? true);
        return tupleLike ? `${prefix}(${fv.join(", ")})` : `${prefix} { ${c.fields.map((f, i) => `${f.name}: ${fv[i]}`).join(", ")} }`;
      }
      case "seq":
      case "array": {
        if (!Array.isArray(x) || x.length !== 3) return "?";
        const len = this.ev.int(this.ev.eval(x[1]));
        if (len === null) return "?";
        const shown = [];
        const n = len < BigInt(MAX_ELEMS) ? Number(len) : MAX_ELEMS;
        for (let i = 0; i < n; i++) {
          const v = this.ev.select(x[2], String(i));
          shown.push(v === null ? "?" : this.fmt(v, ty.elem, depth + 1));
        }
        const more = len > BigInt(n) ? `, .. (len ${len})` : "";
        if (ty.k === "array") return `[${shown.join(", ")}${more}]`;
        return `seq![${shown.join(", ")}${more}]`;
      }
      case "set": {
        const members = [];
        let cur = x;
        let guard = 0;
        while (Array.isArray(cur) && cur[0] === "store" && guard++ < 64) {
          if (this.ev.eval(cur[3]) === "true") members.push(this.fmt(this.ev.eval(cur[2]), ty.elem, depth + 1));
          cur = this.ev.eval(cur[1]);
        }
        const base = Array.isArray(cur) && Array.isArray(cur[0]) && cur[0][1] === "const" ? this.ev.eval(cur[1]) : null;
        if (base === "false") return `set![${members.reverse().join(", ")}]`;
        if (base === "true") return `Set::full()`;
        return members.length ? `set![${members.reverse().join(", ")}, ..]` : "set![..]";
      }
      case "map":
        return "map![..]";
      // a value of a type parameter: the model's name for it (an element of an uninterpreted sort)
      case "param":
      case "cval":
        return typeof x === "string" ? unbar(x) : "?";
    }
  }
  variables(scope) {
    const out = [];
    for (const v of scope) {
      let value = this.show(v.term, v.ty);
      const ty = v.ty;
      if (ty.k === "struct" && value.length > 160) value = `${ty.name} { .. }`;
      out.push({ name: v.name, type: tyStr(v.ty), value });
      if (ty.k === "struct") {
        const dt = datatypeOf(this.crate, ty);
        const x = this.ev.eval(v.term);
        if (dt && Array.isArray(x)) {
          dt.ctors[0].fields.forEach((f, i) => {
            const a = x[i + 1];
            if (a !== void 0) out.push({ name: `${v.name}.${f.name}`, type: tyStr(f.ty), value: this.fmt(this.ev.eval(a), f.ty, 1) });
          });
        }
      }
    }
    return out;
  }
};

// toolchain/verifier/interpreter.ts
var Unevaluable = class extends Error {
  /** Where the run stopped, when a source construct stopped it. */
  constructor(message, sp) {
    super(message);
    this.sp = sp;
  }
  sp;
};
var Panic = class extends Error {
  constructor(kind, sp) {
    super(kind);
    this.kind = kind;
    this.sp = sp;
  }
  kind;
  sp;
};
var ReturnSignal = class {
  constructor(v) {
    this.v = v;
  }
  v;
};
var BreakSignal = class {
};
var ContinueSignal = class {
};
var MAX_STEPS = 2e5;
var Interpreter = class {
  constructor(crate, checked) {
    this.crate = crate;
    this.checked = checked;
  }
  crate;
  checked;
  events = [];
  /** Clauses whose truth the run could not decide (a quantifier, a value the model left open), in order. */
  undecided = [];
  steps = 0;
  depth = 0;
  typeOf(e) {
    return this.checked.exprTypes.get(e) ?? null;
  }
  intKindOf(e) {
    const t = this.typeOf(e);
    return t && t.k === "int" ? t.kind : null;
  }
  lookup(env, name) {
    for (let i = env.length - 1; i >= 0; i--) {
      const b = env[i].get(name);
      if (b) return b;
    }
    return null;
  }
  assign(env, name, v) {
    for (let i = env.length - 1; i >= 0; i--) {
      const b = env[i].get(name);
      if (b) {
        env[i].set(name, { ...b, v });
        return;
      }
    }
    throw new Unevaluable(`unbound ${name}`);
  }
  /** Runs `fn` with the given arguments; returns the result and the final values of &mut params. */
  call(info, args, outer) {
    const f = info.item;
    if (++this.depth > 200) throw new Unevaluable("recursion too deep");
    try {
      if (!f.body || hasExternalBody(f.attrs)) throw new Unevaluable(`\`${info.qname}\` has no body to run`);
      if (f.generics.length) throw new Unevaluable(`\`${info.qname}\` is generic`);
      const env = [/* @__PURE__ */ new Map()];
      const old = /* @__PURE__ */ new Map();
      f.params.forEach((p, i) => {
        const ty = this.crate.resolveType(p.ty, f.selfType);
        env[0].set(p.name, { v: args[i], ty });
        old.set(p.name, args[i]);
      });
      this.oldStack.push(old);
      try {
        if (outer) {
          for (const r of f.requires) if (!this.truth(this.spec(r, env))) throw new Unevaluable("the model does not satisfy the requires");
        }
        let ret = { k: "bool", v: true };
        try {
          const v = this.block(f.body, env);
          ret = v;
        } catch (e) {
          if (e instanceof ReturnSignal) ret = e.v;
          else throw e;
        }
        const post = [new Map(env[0])];
        for (const p of f.params) {
          const b = post[0].get(p.name);
          if (b && !(p.ty.k === "ref" && p.ty.mut)) post[0].set(p.name, { ...b, v: old.get(p.name) });
        }
        if (f.ret?.name) post.push(/* @__PURE__ */ new Map([[f.ret.name, { v: ret, ty: this.crate.resolveType(f.ret.ty, f.selfType) }]]));
        for (const en of f.ensures) {
          let ok = null;
          try {
            ok = this.truth(this.spec(en, post));
          } catch (e) {
            if (!(e instanceof Unevaluable)) throw e;
            this.undecided.push({ sp: en.sp, why: e });
          }
          if (ok === false) this.events.push({ kind: "postcondition", sp: en.sp });
        }
        const finals = f.params.map((p) => env[0].get(p.name).v);
        return { ret, finals };
      } finally {
        this.oldStack.pop();
      }
    } finally {
      this.depth--;
    }
  }
  oldStack = [];
  block(b, env) {
    env.push(/* @__PURE__ */ new Map());
    try {
      let last = { k: "bool", v: true };
      for (const s2 of b.stmts) last = this.stmt(s2, env);
      return last;
    } finally {
      env.pop();
    }
  }
  stmt(s2, env) {
    if (++this.steps > MAX_STEPS) throw new Unevaluable("step limit");
    switch (s2.k) {
      case "let": {
        if (s2.ghost) return unit();
        if (!s2.init) throw new Unevaluable("uninitialised let");
        const v = this.exec(s2.init, env);
        const ty = s2.pat.k === "bind" ? this.checked.bindingTypes.get(s2.pat) : null;
        if (s2.pat.k === "bind" && !ty) throw new Unevaluable("a binding the checker did not type");
        this.bindPat(s2.pat, v, ty, env);
        return unit();
      }
      case "expr": {
        const v = this.exec(s2.e, env);
        return s2.semi ? unit() : v;
      }
      case "assert": {
        try {
          if (!this.truth(this.spec(s2.e, env))) this.events.push({ kind: "assertion", sp: s2.sp });
        } catch (e) {
          if (!(e instanceof Unevaluable)) throw e;
          this.undecided.push({ sp: s2.sp, why: e });
        }
        return unit();
      }
      case "proof":
        for (const g of s2.block.stmts) if (g.k === "assert") this.stmt(g, env);
        return unit();
      case "assume":
      case "reveal":
      case "assert-forall":
      case "broadcast-use":
        return unit();
      case "unsupported":
        throw new Unevaluable("unsupported statement");
    }
  }
  bindPat(p, v, ty, env) {
    if (p.k === "bind") env[env.length - 1].set(p.name, { v, ty });
    else if (p.k === "wild") return;
    else throw new Unevaluable("pattern in let");
  }
  // exec expressions (with machine-int checks)
  exec(e, env) {
    return this.ev(e, env, true);
  }
  spec(e, env) {
    return this.ev(e, env, false);
  }
  truth(v) {
    if (v.k !== "bool") throw new Unevaluable("not a boolean");
    return v.v;
  }
  intOf(v) {
    if (v.k !== "int") throw new Unevaluable("not an integer");
    return v.v;
  }
  ev(e, env, exec) {
    if (++this.steps > MAX_STEPS) throw new Unevaluable("step limit");
    switch (e.k) {
      case "int":
        return { k: "int", v: e.value };
      case "bool":
        return { k: "bool", v: e.value };
      case "path": {
        if (e.segs.length === 1) {
          const b = this.lookup(env, e.segs[0]);
          if (b) return b.v;
          if (e.segs[0] === "None") return { k: "dt", ctor: "None", fields: [] };
        }
        if (e.segs.length === 2 && isIntKind(e.segs[0])) {
          const r = intRange(e.segs[0]);
          if (e.segs[1] === "MAX" && r.max !== null) return { k: "int", v: r.max };
          if (e.segs[1] === "MIN" && r.min !== null) return { k: "int", v: r.min };
        }
        if (e.segs.length >= 2) {
          const en = this.crate.enumItem(e.segs[e.segs.length - 2]);
          if (en) return { k: "dt", ctor: e.segs[e.segs.length - 1], fields: [] };
        }
        const c = this.crate.constItem(e.segs[e.segs.length - 1], e.sp);
        if (c) return this.spec(c.value, [/* @__PURE__ */ new Map()]);
        throw new Unevaluable(`unknown name ${e.segs.join("::")}`);
      }
      case "unary": {
        if (e.op === "&" || e.op === "&mut" || e.op === "*") return this.ev(e.e, env, exec);
        const v = this.ev(e.e, env, exec);
        if (e.op === "!") {
          if (v.k === "bool") return { k: "bool", v: !v.v };
          const k2 = this.intKindOf(e.e);
          if (!k2 || !isMachine(k2)) throw new Unevaluable("! on unknown type");
          return { k: "int", v: signed(k2) ? -this.intOf(v) - 1n : intRange(k2).max - this.intOf(v) };
        }
        const r = -this.intOf(v);
        const k = this.intKindOf(e.e);
        if (exec && k && isMachine(k) && r > intRange(k).max) throw new Panic("overflow", e.sp);
        return { k: "int", v: r };
      }
      case "binary":
        return this.binary(e, env, exec);
      case "chain": {
        const vals = e.operands.map((o) => this.ev(o, env, exec));
        for (let i = 0; i < e.ops.length; i++) if (!cmp(e.ops[i], vals[i], vals[i + 1])) return { k: "bool", v: false };
        return { k: "bool", v: true };
      }
      case "bullets": {
        for (const it of e.items) {
          const v = this.truth(this.ev(it, env, exec));
          if (e.op === "&&" && !v) return { k: "bool", v: false };
          if (e.op === "||" && v) return { k: "bool", v: true };
        }
        return { k: "bool", v: e.op === "&&" };
      }
      case "cast": {
        const v = this.ev(e.e, env, exec);
        const to = this.crate.resolveType(e.ty, null);
        if (to.k !== "int") throw new Unevaluable("cast");
        const x = v.k === "bool" ? v.v ? 1n : 0n : this.intOf(v);
        if (to.kind === "nat") return { k: "int", v: x < 0n ? 0n : x };
        if (!isMachine(to.kind)) return { k: "int", v: x };
        return { k: "int", v: wrap(x, to.kind) };
      }
      case "field": {
        const r = this.ev(e.recv, env, exec);
        return this.field(r, e, env);
      }
      case "index": {
        const r = this.ev(e.recv, env, exec);
        const i = this.intOf(this.ev(e.idx, env, exec));
        if (r.k !== "seq") throw new Unevaluable("index");
        if (i < 0n || i >= BigInt(r.elems.length)) {
          if (exec) throw new Panic("index-bounds", e.sp);
          throw new Unevaluable("spec index out of range");
        }
        return r.elems[Number(i)];
      }
      case "view":
        return this.ev(e.e, env, exec);
      case "if": {
        const c = this.truth(this.ev(e.cond, env, exec));
        if (c) return this.block(e.then, env);
        if (e.els) return this.ev(e.els, env, exec);
        return unit();
      }
      case "match": {
        const s2 = this.ev(e.scrut, env, exec);
        for (const arm of e.arms) {
          const binds = /* @__PURE__ */ new Map();
          if (this.matchPat(arm.pat, s2, binds)) {
            env.push(binds);
            try {
              if (arm.guard && !this.truth(this.ev(arm.guard, env, exec))) continue;
              return this.ev(arm.body, env, exec);
            } finally {
              env.pop();
            }
          }
        }
        throw new Unevaluable("no match arm");
      }
      case "block":
        return this.block(e.block, env);
      case "return":
        throw new ReturnSignal(e.e ? this.ev(e.e, env, exec) : unit());
      case "break":
        throw new BreakSignal();
      case "continue":
        throw new ContinueSignal();
      case "while":
      case "loop":
        return this.loop(e, env);
      case "assign": {
        const rhs = this.ev(e.rhs, env, exec);
        let v = rhs;
        if (e.op !== "=") {
          const cur = this.ev(e.lhs, env, exec);
          v = this.arith(e.op.slice(0, -1), cur, rhs, this.intKindOf(e.lhs) ?? this.intKindOf(e.rhs), exec, e.sp);
        }
        this.store(e.lhs, v, env, exec);
        return unit();
      }
      case "call":
        return this.callExpr(e, env, exec);
      case "method":
        return this.method(e, env, exec);
      case "struct": {
        const name = e.path[e.path.length - 1];
        const base = e.base ? this.ev(e.base, env, exec) : null;
        if (this.crate.structs.has(name)) {
          const dt = datatypeOf(this.crate, { k: "struct", name, args: [] });
          if (this.crate.struct(name, e.sp).generics.length) throw new Unevaluable("a generic struct");
          const fields = dt.ctors[0].fields.map((f, i) => {
            const fe = e.fields.find((x) => x.name === f.name);
            if (fe) return this.ev(fe.e, env, exec);
            if (base && base.k === "dt") return base.fields[i];
            throw new Unevaluable("missing field");
          });
          return { k: "dt", ctor: "mk", fields };
        }
        const en = e.path.length >= 2 ? this.crate.enumItem(e.path[e.path.length - 2]) : null;
        const variant = en?.variants.find((v) => v.name === name);
        if (!variant) throw new Unevaluable("struct literal");
        return { k: "dt", ctor: name, fields: variant.fields.map((f) => this.ev(e.fields.find((x) => x.name === f.name).e, env, exec)) };
      }
      case "tuple":
        return e.elems.length ? { k: "dt", ctor: "mk", fields: e.elems.map((x) => this.ev(x, env, exec)) } : unit();
      case "array":
        return { k: "seq", elems: e.elems.map((x) => this.ev(x, env, exec)) };
      case "array-rep": {
        const v = this.ev(e.elem, env, exec);
        const n = this.crate.constIntValue(e.len);
        if (n === null || n > 100000n) throw new Unevaluable("array length");
        return { k: "seq", elems: Array.from({ length: Number(n) }, () => v) };
      }
      case "macro": {
        if (e.name === "seq") return { k: "seq", elems: e.args.map((x) => this.ev(x, env, exec)) };
        throw new Unevaluable("macro");
      }
      case "trigger":
        return this.ev(e.e, env, exec);
      case "quant":
        throw new Unevaluable(`${e.q} over ${e.params.map((p) => p.name).join(", ")}`, e.sp);
      default:
        throw new Unevaluable(`expression ${e.k}`);
    }
  }
  field(r, e, env) {
    if (r.k !== "dt") throw new Unevaluable("field of non-struct");
    const t = this.typeOf(e.recv);
    if (t && (t.k === "struct" || t.k === "tuple")) {
      const dt = datatypeOf(this.crate, t);
      const idx = dt.ctors[0].fields.findIndex((f) => f.name === e.name);
      if (idx >= 0) return r.fields[idx];
    }
    if (/^\d+$/.test(e.name)) return r.fields[Number(e.name)];
    throw new Unevaluable("field");
  }
  matchPat(p, v, binds) {
    switch (p.k) {
      case "wild":
        return true;
      case "bind": {
        const ty = this.checked.bindingTypes.get(p);
        if (!ty) throw new Unevaluable("a binding the checker did not type");
        binds.set(p.name, { v, ty });
        return true;
      }
      case "lit": {
        const l = this.spec(p.value, [/* @__PURE__ */ new Map()]);
        return cvEq(l, v);
      }
      case "or":
        return p.alts.some((a) => this.matchPat(a, v, binds));
      case "tuple":
        return v.k === "dt" && p.elems.every((q, i) => this.matchPat(q, v.fields[i], binds));
      case "variant": {
        if (v.k !== "dt") return false;
        const name = p.path[p.path.length - 1];
        if (v.ctor !== name && !(v.ctor === "mk" && this.crate.structs.has(name))) return false;
        if (p.args) return p.args.every((q, i) => this.matchPat(q, v.fields[i], binds));
        if (p.fields) {
          const en = p.path.length >= 2 ? this.crate.enumItem(p.path[p.path.length - 2]) : null;
          const variant = en?.variants.find((x) => x.name === name);
          return p.fields.every((fp) => {
            const idx = variant ? variant.fields.findIndex((f) => f.name === fp.name) : -1;
            return idx >= 0 && this.matchPat(fp.pat, v.fields[idx], binds);
          });
        }
        return true;
      }
    }
  }
  arith(op, a, b, kind, exec, sp) {
    if (a.k === "bool" && b.k === "bool") {
      if (op === "&") return { k: "bool", v: a.v && b.v };
      if (op === "|") return { k: "bool", v: a.v || b.v };
      if (op === "^") return { k: "bool", v: a.v !== b.v };
    }
    if (a.k === "seq" && b.k === "seq" && op === "+") return { k: "seq", elems: [...a.elems, ...b.elems] };
    const x = this.intOf(a);
    const y = this.intOf(b);
    const machine = exec && kind !== null && isMachine(kind);
    let r;
    switch (op) {
      case "+":
        r = x + y;
        break;
      case "-":
        r = x - y;
        break;
      case "*":
        r = x * y;
        break;
      case "/":
      case "%": {
        if (y === 0n) {
          if (exec) throw new Panic("division-by-zero", sp);
          throw new Unevaluable("spec division by zero");
        }
        if (machine && signed(kind)) {
          r = op === "/" ? x / y : x % y;
          if (op === "/" && r > intRange(kind).max) throw new Panic("overflow", sp);
        } else {
          const q = y > 0n ? floorDiv(x, y) : -floorDiv(x, -y);
          r = op === "/" ? q : x - q * y;
        }
        return { k: "int", v: r };
      }
      case "&":
      case "|":
      case "^":
      case "<<":
      case ">>": {
        if (!kind || !isMachine(kind)) throw new Unevaluable("bit op type");
        const w = BigInt(bits(kind));
        if (op === "<<" || op === ">>") {
          if (y < 0n || y >= w) {
            if (exec) throw new Panic("overflow", sp);
          }
        }
        const mod = 1n << w;
        const u = (z) => (z % mod + mod) % mod;
        let res;
        if (op === "&") res = u(x) & u(y);
        else if (op === "|") res = u(x) | u(y);
        else if (op === "^") res = u(x) ^ u(y);
        else if (op === "<<") res = y >= w ? 0n : u(u(x) << y);
        else res = signed(kind) ? y >= w ? x < 0n ? -1n : 0n : x >> y : y >= w ? 0n : u(x) >> y;
        return { k: "int", v: wrap(res, kind) };
      }
      default:
        throw new Unevaluable(`op ${op}`);
    }
    if (machine) {
      const rg = intRange(kind);
      if (r > rg.max) throw new Panic("overflow", sp);
      if (r < rg.min) throw new Panic("underflow", sp);
    }
    return { k: "int", v: r };
  }
  binary(e, env, exec) {
    const op = e.op;
    if (op === "&&" || op === "||" || op === "==>") {
      const l = this.truth(this.ev(e.l, env, exec));
      if (op === "&&" && !l) return { k: "bool", v: false };
      if (op === "||" && l) return { k: "bool", v: true };
      if (op === "==>" && !l) return { k: "bool", v: true };
      return { k: "bool", v: this.truth(this.ev(e.r, env, exec)) };
    }
    if (op === "<==>") return { k: "bool", v: this.truth(this.ev(e.l, env, exec)) === this.truth(this.ev(e.r, env, exec)) };
    if (op === "<==") return { k: "bool", v: this.truth(this.ev(e.l, env, exec)) || !this.truth(this.ev(e.r, env, exec)) };
    const a = this.ev(e.l, env, exec);
    const b = this.ev(e.r, env, exec);
    if (["==", "!=", "<", "<=", ">", ">=", "=~=", "!~=", "===", "!=="].includes(op)) return { k: "bool", v: cmp(op, a, b) };
    const kind = this.intKindOf(e);
    if (exec && kind === null && ["+", "-", "*"].includes(op)) throw new Unevaluable("untyped arithmetic");
    return this.arith(op, a, b, kind, exec, e.sp);
  }
  store(lhs, v, env, exec) {
    if (lhs.k === "path" && lhs.segs.length === 1) return this.assign(env, lhs.segs[0], v);
    if (lhs.k === "unary" && lhs.op === "*") return this.store(lhs.e, v, env, exec);
    if (lhs.k === "field") {
      const r = this.ev(lhs.recv, env, exec);
      if (r.k !== "dt") throw new Unevaluable("field store");
      const t = this.typeOf(lhs.recv);
      let idx = /^\d+$/.test(lhs.name) ? Number(lhs.name) : -1;
      if (t && (t.k === "struct" || t.k === "tuple")) idx = datatypeOf(this.crate, t).ctors[0].fields.findIndex((f) => f.name === lhs.name);
      if (idx < 0) throw new Unevaluable("field store");
      const fields = [...r.fields];
      fields[idx] = v;
      return this.store(lhs.recv, { ...r, fields }, env, exec);
    }
    if (lhs.k === "index") {
      const r = this.ev(lhs.recv, env, exec);
      const i = this.intOf(this.ev(lhs.idx, env, exec));
      if (r.k !== "seq") throw new Unevaluable("index store");
      if (i < 0n || i >= BigInt(r.elems.length)) throw new Panic("index-bounds", lhs.sp);
      const elems = [...r.elems];
      elems[Number(i)] = v;
      return this.store(lhs.recv, { k: "seq", elems }, env, exec);
    }
    throw new Unevaluable("store");
  }
  loop(e, env) {
    const checkInv = (kind) => {
      for (const inv of e.inv) {
        try {
          if (!this.truth(this.spec(inv, env))) this.events.push({ kind, sp: inv.sp });
        } catch (err) {
          if (!(err instanceof Unevaluable)) throw err;
          this.undecided.push({ sp: inv.sp, why: err });
        }
      }
    };
    checkInv("invariant-entry");
    for (; ; ) {
      if (++this.steps > MAX_STEPS) throw new Unevaluable("step limit");
      if (e.k === "while" && !this.truth(this.exec(e.cond, env))) return unit();
      try {
        this.block(e.body, env);
      } catch (s2) {
        if (s2 instanceof BreakSignal) return unit();
        if (!(s2 instanceof ContinueSignal)) throw s2;
      }
      checkInv("invariant-preserved");
    }
  }
  callExpr(e, env, exec) {
    if (e.callee.k !== "path") throw new Unevaluable("call");
    const segs = e.callee.segs;
    const last = segs[segs.length - 1];
    if (segs.length === 1 && last === "old") {
      let a = e.args[0];
      while (a.k === "unary") a = a.e;
      if (a.k !== "path") throw new Unevaluable("old");
      const v = this.oldStack[this.oldStack.length - 1]?.get(a.segs[0]);
      if (!v) throw new Unevaluable("old");
      return v;
    }
    if (segs.length === 1 && (last === "Ghost" || last === "Tracked")) return this.spec(e.args[0], env);
    if (segs.length === 1 && last === "Some") return { k: "dt", ctor: "Some", fields: [this.ev(e.args[0], env, exec)] };
    if (segs.length === 2 && segs[0] === "Seq" && last === "empty") return { k: "seq", elems: [] };
    if (segs.length === 2 && (segs[0] === "Set" || segs[0] === "Map") && last === "empty") return { k: "unknown" };
    if (segs.length >= 2 && this.crate.enumItem(segs[segs.length - 2])) return { k: "dt", ctor: last, fields: e.args.map((a) => this.ev(a, env, exec)) };
    if (segs.length === 1 && this.crate.structs.has(last)) return { k: "dt", ctor: "mk", fields: e.args.map((a) => this.ev(a, env, exec)) };
    let q = last;
    if (segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2])) q = `${segs[segs.length - 2]}::${last}`;
    const info = this.crate.fn(q, e.sp);
    if (!info) throw new Unevaluable(`unknown function ${q}`);
    return this.invoke(info, e.args.map((a) => ({ e: a })), env, exec, e.sp);
  }
  method(e, env, exec) {
    const r = this.ev(e.recv, env, exec);
    const t = this.typeOf(e.recv);
    if (t && (t.k === "struct" || t.k === "enum" && t.name !== "Option")) {
      if (e.name.startsWith("$is:")) return { k: "bool", v: r.k === "dt" && r.ctor === e.name.slice(4) };
      const info = this.crate.fn(`${t.name}::${e.name}`, e.sp);
      if (!info) throw new Unevaluable("method");
      return this.invoke(info, [{ e: e.recv, v: r }, ...e.args.map((a) => ({ e: a }))], env, exec, e.sp);
    }
    if (r.k === "dt" && (r.ctor === "Some" || r.ctor === "None")) {
      switch (e.name) {
        case "is_some":
          return { k: "bool", v: r.ctor === "Some" };
        case "is_none":
          return { k: "bool", v: r.ctor === "None" };
        case "unwrap":
        case "expect":
        case "get_Some_0":
          if (r.ctor === "None") {
            if (exec) throw new Panic("unwrap", e.sp);
            throw new Unevaluable("unwrap None in spec");
          }
          return r.fields[0];
      }
    }
    if (r.k === "seq") {
      const args = e.args.map((a) => this.ev(a, env, exec));
      switch (e.name) {
        case "len":
          return { k: "int", v: BigInt(r.elems.length) };
        case "push":
          return { k: "seq", elems: [...r.elems, args[0]] };
        case "last":
          if (r.elems.length) return r.elems[r.elems.length - 1];
          break;
        case "first":
          if (r.elems.length) return r.elems[0];
          break;
        case "drop_last":
          return { k: "seq", elems: r.elems.slice(0, -1) };
        case "index":
          return r.elems[Number(this.intOf(args[0]))] ?? (() => {
            throw new Unevaluable("index");
          })();
        case "subrange":
          return { k: "seq", elems: r.elems.slice(Number(this.intOf(args[0])), Number(this.intOf(args[1]))) };
        case "update": {
          const el = [...r.elems];
          el[Number(this.intOf(args[0]))] = args[1];
          return { k: "seq", elems: el };
        }
      }
    }
    throw new Unevaluable(`method ${e.name}`);
  }
  invoke(info, args, env, exec, sp) {
    const f = info.item;
    if (f.generics.length) throw new Unevaluable(`\`${info.qname}\` is generic`);
    const vals = args.map((a) => a.v ?? this.ev(a.e, env, exec));
    if (f.mode === "spec") {
      if (!f.body || hasExternalBody(f.attrs)) throw new Unevaluable("uninterpreted spec fn");
      const fenv = [/* @__PURE__ */ new Map()];
      f.params.forEach((p, i) => fenv[0].set(p.name, { v: vals[i], ty: this.crate.resolveType(p.ty, f.selfType) }));
      if (++this.depth > 200) throw new Unevaluable("spec recursion too deep");
      try {
        return this.block(f.body, fenv);
      } finally {
        this.depth--;
      }
    }
    if (f.mode === "proof") return unit();
    const penv = [/* @__PURE__ */ new Map()];
    f.params.forEach((p, i) => penv[0].set(p.name, { v: vals[i], ty: this.crate.resolveType(p.ty, f.selfType) }));
    this.oldStack.push(new Map(f.params.map((p, i) => [p.name, vals[i]])));
    try {
      for (const r of f.requires) {
        let ok = null;
        try {
          ok = this.truth(this.spec(r, penv));
        } catch (err) {
          if (!(err instanceof Unevaluable)) throw err;
        }
        if (ok === false) {
          this.events.push({ kind: "precondition", sp });
          throw new Panic("precondition", sp);
        }
      }
    } finally {
      this.oldStack.pop();
    }
    const saved = this.events.length;
    const { ret, finals } = this.call(info, vals, false);
    this.events.length = saved;
    f.params.forEach((p, i) => {
      if (p.ty.k === "ref" && p.ty.mut) {
        let a = args[i].e;
        if (a.k === "unary" && a.op === "&mut") a = a.e;
        this.store(a, finals[i], env, exec);
      }
    });
    return ret;
  }
};
function unit() {
  return { k: "bool", v: true };
}
function floorDiv(a, b) {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function wrap(x, k) {
  const w = BigInt(bits(k));
  const mod = 1n << w;
  let r = (x % mod + mod) % mod;
  if (signed(k) && r >= mod >> 1n) r -= mod;
  return r;
}
function cvEq(a, b) {
  if (a.k === "unknown" || b.k === "unknown") throw new Unevaluable("unknown value");
  return JSON.stringify(a, (_k, v) => typeof v === "bigint" ? v.toString() : v) === JSON.stringify(b, (_k, v) => typeof v === "bigint" ? v.toString() : v);
}
function cmp(op, a, b) {
  if (op === "==" || op === "=~=" || op === "===") return cvEq(a, b);
  if (op === "!=" || op === "!~=" || op === "!==") return !cvEq(a, b);
  if (a.k !== "int" || b.k !== "int") throw new Unevaluable("comparison");
  switch (op) {
    case "<":
      return a.v < b.v;
    case "<=":
      return a.v <= b.v;
    case ">":
      return a.v > b.v;
    case ">=":
      return a.v >= b.v;
  }
  throw new Unevaluable("comparison");
}
function sameSpan(a, b) {
  return a.start === b.start && a.end === b.end;
}
function wellTyped(crate, v, ty, depth = 0) {
  const t = ty;
  if (v.k === "unknown") return true;
  if (depth > 8) return true;
  if (t.k === "int") {
    if (v.k !== "int") return false;
    const r = intRange(t.kind);
    return (r.min === null || v.v >= r.min) && (r.max === null || v.v <= r.max);
  }
  if (t.k === "array") return v.k === "seq" && v.elems.length === t.len && v.elems.every((e) => wellTyped(crate, e, t.elem, depth + 1));
  if (t.k === "seq") return v.k === "seq" && v.elems.every((e) => wellTyped(crate, e, t.elem, depth + 1));
  if ((t.k === "struct" || t.k === "enum" || t.k === "tuple") && v.k === "dt") {
    const dt = datatypeOf(crate, t);
    const c = dt?.ctors.find((x) => x.name === v.ctor);
    return !!c && c.fields.every((f, i) => wellTyped(crate, v.fields[i], f.ty, depth + 1));
  }
  return true;
}
function containsUnknown(v) {
  if (v.k === "unknown") return true;
  if (v.k === "dt") return v.fields.some(containsUnknown);
  if (v.k === "seq") return v.elems.some(containsUnknown);
  return false;
}
function checkCounterexample(crate, checked, info, ob, reader, lines2) {
  const f = info.item;
  if (f.mode !== "exec") return { check: "unchecked", detail: `${f.mode} code is not executable` };
  if (f.generics.length) return { check: "unchecked", detail: "generic code is not run concretely" };
  if (ob.kind === "decreases") return { check: "unchecked", detail: "termination is not checked by running the code" };
  let args;
  try {
    args = f.params.map((p) => reader.concrete(quote(p.name), crate.resolveType(p.ty, f.selfType)));
  } catch {
    return { check: "unchecked", detail: "the model does not determine the inputs" };
  }
  void containsUnknown;
  if (!f.params.every((p, i) => wellTyped(crate, args[i], crate.resolveType(p.ty, f.selfType))))
    return { check: "unchecked", detail: "the model gives an input outside its type" };
  const it = new Interpreter(crate, checked);
  let panic = null;
  try {
    it.call(info, args, true);
  } catch (e) {
    if (e instanceof Panic) panic = e;
    else if (e instanceof Unevaluable) {
      if (!it.events.some((ev) => ev.kind === ob.kind && sameSpan(ev.sp, ob.kind === "postcondition" || ob.kind === "invariant-entry" || ob.kind === "invariant-preserved" ? ob.related ?? ob.sp : ob.sp))) {
        const q2 = quantifierStop(e, ob, lines2);
        if (q2) return q2;
        return { check: "unchecked", detail: `could not run the code on these inputs (${e.message})` };
      }
    } else if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
    } else return { check: "unchecked", detail: `could not run the code (${e.message})` };
  }
  const target2 = ob.kind === "postcondition" || ob.kind === "invariant-entry" || ob.kind === "invariant-preserved" ? ob.related ?? ob.sp : ob.sp;
  const hit = panic && panic.kind === ob.kind && sameSpan(panic.sp, ob.sp) || it.events.some((ev) => ev.kind === ob.kind && sameSpan(ev.sp, target2));
  if (hit) return { check: "confirmed", detail: "running the code on these inputs reaches this failure" };
  const abstraction = ob.crossed[ob.crossed.length - 1];
  if (abstraction) {
    const p = lines2.pos(abstraction.sp.start);
    if (abstraction.kind === "loop")
      return { check: "spurious", detail: `the code does not fail on these inputs: the loop invariant of the loop at line ${p.line} is too weak to prove this`, span: abstraction.sp };
    return { check: "spurious", detail: `the code does not fail on these inputs: the ensures of \`${abstraction.name}\` (called at line ${p.line}) is too weak to prove this`, span: abstraction.sp };
  }
  if (ob.query && usesUninterpretedArith(ob.query))
    return { check: "spurious", detail: "the code does not fail on these inputs: nonlinear arithmetic is only reasoned about linearly outside by(nonlinear_arith)" };
  const undecided = it.undecided.find((u) => sameSpan(u.sp, target2))?.why;
  const q = undecided && quantifierStop(undecided, ob, lines2);
  if (q) return q;
  return { check: "unchecked", detail: panic ? `the run stopped earlier (${panic.kind})` : "the concrete run did not reach this failure" };
}
function quantifierStop(e, ob, lines2) {
  if (!e.sp || !/^(forall|exists|choose) over /.test(e.message)) return null;
  const [q, , ...names] = e.message.split(" ");
  const says = `${q === "forall" ? "something for every" : q === "exists" ? "that there is a" : "chooses a"} ${names.join(" ")}`;
  const clause = ob.relatedFile ? void 0 : ob.related ?? ob.sp;
  const own = clause !== void 0 && clause.start <= e.sp.start && e.sp.end <= clause.end;
  const where = own ? `the clause at line ${lines2.pos(e.sp.start).line} says ${says}` : `a spec the check reaches says ${says}`;
  return {
    check: "unchecked",
    detail: `${where}, and running the code cannot try every value; the check can run once the clause is stated without the quantifier (for instance the instance the proof needs, as an assertion)`,
    ...own ? { span: e.sp } : {}
  };
}

// toolchain/workspace/safe-open.ts
import { constants, existsSync, promises as fs } from "node:fs";
var PROC_FD = "/proc/self/fd";
var HAS_PROC_FD = process.platform === "linux" && existsSync(PROC_FD);
var O_DIRECTORY = constants.O_DIRECTORY ?? 0;
var O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
var O_NONBLOCK = constants.O_NONBLOCK ?? 0;

// toolchain/syntax/lexer.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "as",
  "break",
  "const",
  "continue",
  "crate",
  "else",
  "enum",
  "extern",
  "false",
  "fn",
  "for",
  "if",
  "impl",
  "in",
  "let",
  "loop",
  "match",
  "mod",
  "move",
  "mut",
  "pub",
  "ref",
  "return",
  "self",
  "Self",
  "static",
  "struct",
  "super",
  "trait",
  "true",
  "type",
  "unsafe",
  "use",
  "where",
  "while",
  "async",
  "await",
  "dyn",
  "abstract",
  "become",
  "box",
  "do",
  "final",
  "macro",
  "override",
  "priv",
  "typeof",
  "unsized",
  "virtual",
  "yield",
  "try"
]);
var PUNCTS = /* @__PURE__ */ new Set([
  "<==>",
  "=~~=",
  "!~~=",
  "===",
  "!==",
  "==>",
  "<==",
  "&&&",
  "|||",
  "=~=",
  "!~=",
  "..=",
  "...",
  "<<=",
  ">>=",
  "::",
  "->",
  "=>",
  "..",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "^=",
  "&=",
  "|=",
  "<<",
  ">>",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "!",
  "&",
  "|",
  "=",
  "<",
  ">",
  "@",
  ".",
  ",",
  ";",
  ":",
  "#",
  "$",
  "?",
  "~",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")"
]);
var PUNCT_BY_FIRST = (() => {
  const m = /* @__PURE__ */ new Map();
  for (const p of PUNCTS) {
    const l = m.get(p[0]) ?? [];
    l.push(p);
    m.set(p[0], l);
  }
  for (const l of m.values()) l.sort((a, b) => b.length - a.length);
  return m;
})();
function isIdentStart(c) {
  return c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c === "_" || c > "\x7F" && /\p{XID_Start}/u.test(c);
}
function isIdentContinue(c) {
  return c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c >= "0" && c <= "9" || c === "_" || c > "\x7F" && /\p{XID_Continue}/u.test(c);
}
function isDigit(c) {
  return c >= "0" && c <= "9";
}
function isWs(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f" || c === "\v" || c === "\u200E" || c === "\u200F" || c === "\u2028" || c === "\u2029" || c === "\x85";
}
function lex(text, options) {
  const keep = options?.keepComments ?? false;
  const tokens = [];
  const diagnostics = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let scanPos = 0;
  function syncTo(pos) {
    while (scanPos < pos) {
      if (text.charCodeAt(scanPos) === 10) {
        line++;
        lineStart = scanPos + 1;
      }
      scanPos++;
    }
  }
  function push(kind, start, end) {
    syncTo(start);
    const tok = { kind, text: text.slice(start, end), start, end, line, column: start - lineStart + 1 };
    if (keep || kind !== "line-comment" && kind !== "block-comment" && kind !== "doc-comment") tokens.push(tok);
  }
  function diag(message, start, end) {
    syncTo(start);
    diagnostics.push({ message, start, end, line, column: start - lineStart + 1 });
  }
  function scanQuoted(from, quote2) {
    let j = from;
    while (j < n) {
      const c = text[j];
      if (c === "\\") {
        j += 2;
        continue;
      }
      if (c === quote2) return { end: j + 1, ok: true };
      j++;
    }
    return { end: n, ok: false };
  }
  function scanRaw(from) {
    let j = from + 1;
    let hashes = 0;
    while (j < n && text[j] === "#") {
      hashes++;
      j++;
    }
    if (text[j] !== '"') return null;
    j++;
    const close = '"' + "#".repeat(hashes);
    const k = text.indexOf(close, j);
    if (k < 0) return { end: n, ok: false };
    return { end: k + close.length, ok: true };
  }
  function scanSuffix(j) {
    if (j < n && isIdentStart(text[j])) {
      j++;
      while (j < n && isIdentContinue(text[j])) j++;
    }
    return j;
  }
  while (i < n) {
    const c = text[i];
    if (isWs(c)) {
      i++;
      continue;
    }
    const start = i;
    const c1 = i + 1 < n ? text[i + 1] : "";
    if (c === "/" && c1 === "/") {
      let j = text.indexOf("\n", i);
      if (j < 0) j = n;
      const isDoc = text[i + 2] === "/" && text[i + 3] !== "/" || text[i + 2] === "!";
      push(isDoc ? "doc-comment" : "line-comment", start, j);
      i = j;
      continue;
    }
    if (c === "/" && c1 === "*") {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text[j] === "/" && text[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (text[j] === "*" && text[j + 1] === "/") {
          depth--;
          j += 2;
        } else j++;
      }
      if (depth > 0) diag("unterminated block comment", start, n);
      const t2 = text[i + 2];
      const isDoc = t2 === "*" && text[i + 3] !== "*" && text[i + 3] !== "/" || t2 === "!";
      push(isDoc ? "doc-comment" : "block-comment", start, j);
      i = j;
      continue;
    }
    if (c === "r" && (c1 === '"' || c1 === "#")) {
      const r = scanRaw(i);
      if (r) {
        if (!r.ok) diag("unterminated raw string", start, n);
        const e = r.ok ? scanSuffix(r.end) : r.end;
        push("string", start, e);
        i = e;
        continue;
      }
    }
    if ((c === "b" || c === "c") && c1 === "r" && (text[i + 2] === '"' || text[i + 2] === "#")) {
      const r = scanRaw(i + 1);
      if (r) {
        if (!r.ok) diag("unterminated raw string", start, n);
        const e = r.ok ? scanSuffix(r.end) : r.end;
        push("string", start, e);
        i = e;
        continue;
      }
    }
    if ((c === "b" || c === "c") && c1 === '"') {
      const r = scanQuoted(i + 2, '"');
      if (!r.ok) diag("unterminated string literal", start, n);
      const e = r.ok ? scanSuffix(r.end) : r.end;
      push("string", start, e);
      i = e;
      continue;
    }
    if (c === "b" && c1 === "'") {
      const r = scanQuoted(i + 2, "'");
      if (!r.ok) diag("unterminated byte literal", start, n);
      const e = r.ok ? scanSuffix(r.end) : r.end;
      push("char", start, e);
      i = e;
      continue;
    }
    if (c === "r" && c1 === "#" && i + 2 < n && isIdentStart(text[i + 2])) {
      let j = i + 3;
      while (j < n && isIdentContinue(text[j])) j++;
      push("ident", start, j);
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentContinue(text[j])) j++;
      const word = text.slice(i, j);
      push(KEYWORDS.has(word) ? "keyword" : "ident", start, j);
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i;
      let kind = "int";
      if (c === "0" && (c1 === "x" || c1 === "o" || c1 === "b")) {
        j = i + 2;
        const re = c1 === "x" ? /[0-9a-fA-F_]/ : c1 === "o" ? /[0-7_]/ : /[01_]/;
        while (j < n && re.test(text[j])) j++;
        j = scanSuffix(j);
      } else {
        while (j < n && (isDigit(text[j]) || text[j] === "_")) j++;
        if (text[j] === "." && text[j + 1] !== "." && !(j + 1 < n && isIdentStart(text[j + 1]))) {
          kind = "float";
          j++;
          while (j < n && (isDigit(text[j]) || text[j] === "_")) j++;
        }
        if ((text[j] === "e" || text[j] === "E") && (isDigit(text[j + 1] ?? "") || (text[j + 1] === "+" || text[j + 1] === "-") && isDigit(text[j + 2] ?? ""))) {
          kind = "float";
          j += 2;
          while (j < n && (isDigit(text[j]) || text[j] === "_")) j++;
        }
        const sStart = j;
        j = scanSuffix(j);
        const suffix = text.slice(sStart, j);
        if (suffix === "f32" || suffix === "f64") kind = "float";
      }
      push(kind, start, j);
      i = j;
      continue;
    }
    if (c === '"') {
      const r = scanQuoted(i + 1, '"');
      if (!r.ok) diag("unterminated string literal", start, n);
      const e = r.ok ? scanSuffix(r.end) : r.end;
      push("string", start, e);
      i = e;
      continue;
    }
    if (c === "'") {
      if (c1 === "\\") {
        const r = scanQuoted(i + 1, "'");
        if (!r.ok) diag("unterminated character literal", start, n);
        push("char", start, r.end);
        i = r.end;
        continue;
      }
      if (c1 !== "" && text[i + 2] === "'" && c1 !== "'") {
        push("char", start, i + 3);
        i += 3;
        continue;
      }
      const cp2 = text.codePointAt(i + 1);
      if (cp2 !== void 0 && cp2 > 65535 && text[i + 3] === "'") {
        push("char", start, i + 4);
        i += 4;
        continue;
      }
      if (c1 !== "" && isIdentStart(c1)) {
        let j = i + 2;
        while (j < n && isIdentContinue(text[j])) j++;
        push("lifetime", start, j);
        i = j;
        continue;
      }
      diag("unexpected quote", start, i + 1);
      push("unknown", start, i + 1);
      i++;
      continue;
    }
    let matched = "";
    const cands = PUNCT_BY_FIRST.get(c);
    if (cands) {
      for (const p of cands) {
        if (p.length === 1 || text.startsWith(p, i)) {
          matched = p;
          break;
        }
      }
    }
    if (matched) {
      push("punct", start, i + matched.length);
      i += matched.length;
      continue;
    }
    const cp = text.codePointAt(i);
    const len = cp > 65535 ? 2 : 1;
    diag(`unknown character '${text.slice(i, i + len)}'`, start, i + len);
    push("unknown", start, i + len);
    i += len;
  }
  syncTo(n);
  tokens.push({ kind: "eof", text: "", start: n, end: n, line, column: n - lineStart + 1 });
  return { tokens, diagnostics };
}

// toolchain/syntax/clauses.ts
var VERUS_CLAUSES = [
  { keyword: "requires", inFn: "requires", inLoop: null, continuation: false },
  { keyword: "ensures", inFn: "ensures", inLoop: "ensures", continuation: false },
  { keyword: "recommends", inFn: "recommends", inLoop: null, continuation: false },
  { keyword: "decreases", inFn: "decreases", inLoop: "decreases", continuation: false },
  { keyword: "returns", inFn: "returns", inLoop: null, continuation: false },
  { keyword: "invariant", inFn: null, inLoop: "invariant", continuation: false },
  // treated like `invariant` (not assumed after a `break`: sound for both)
  { keyword: "invariant_except_break", inFn: null, inLoop: "invariant", continuation: false },
  { keyword: "invariant_ensures", inFn: null, inLoop: "unsupported", continuation: false },
  { keyword: "opens_invariants", inFn: "unsupported", inLoop: null, continuation: false },
  { keyword: "no_unwind", inFn: "unsupported", inLoop: null, continuation: false },
  // trait methods' default implementations (traits are unsupported anyway)
  { keyword: "default_ensures", inFn: "unsupported", inLoop: null, continuation: false },
  // `decreases .. when c`: a spec fn's definition holds only when c does
  { keyword: "when", inFn: "unsupported", inLoop: null, continuation: true },
  // `decreases .. via lemma`: termination proved by a lemma
  { keyword: "via", inFn: "unsupported", inLoop: null, continuation: true }
];
var BY_KEYWORD = new Map(VERUS_CLAUSES.map((c) => [c.keyword, c]));
function verusClause(word) {
  return BY_KEYWORD.get(word);
}
var CLAUSE_KEYWORDS = new Set(BY_KEYWORD.keys());
var CLAUSE_STARTS = new Set(VERUS_CLAUSES.filter((c) => !c.continuation).map((c) => c.keyword));
var VERUS_MODIFIERS = [
  { keyword: "spec", treatment: "mode", mode: "spec" },
  { keyword: "proof", treatment: "mode", mode: "proof" },
  { keyword: "exec", treatment: "mode", mode: "exec" },
  { keyword: "open", treatment: "visibility", mode: null },
  { keyword: "closed", treatment: "visibility", mode: null },
  { keyword: "tracked", treatment: "ignored", mode: null },
  { keyword: "ghost", treatment: "ignored", mode: null },
  // a body-less spec fn is uninterpreted anyway
  { keyword: "uninterp", treatment: "ignored", mode: null },
  { keyword: "broadcast", treatment: "broadcast", mode: null },
  // an axiom is a trusted proof fn
  { keyword: "axiom", treatment: "unsupported", mode: "proof" }
];
var MODIFIER_BY_KEYWORD = new Map(VERUS_MODIFIERS.map((m) => [m.keyword, m]));
function verusModifier(word) {
  return MODIFIER_BY_KEYWORD.get(word);
}

// toolchain/verifier/tree-height.ts
var MAX_TREE_HEIGHT = 200;
function children(o) {
  const out = [];
  if (Array.isArray(o)) {
    for (const v of o) if (typeof v === "object" && v !== null) out.push(v);
    return out;
  }
  const r = o;
  for (const key in r) {
    if (key === "sp" || key === "nameSp") continue;
    const v = r[key];
    if (typeof v === "object" && v !== null) out.push(v);
  }
  return out;
}
var TreeHeights = class {
  memo = /* @__PURE__ */ new Map();
  /** The height of `root`, without recursion (a tree of any height). */
  height(root2) {
    const known = this.memo.get(root2);
    if (known !== void 0) return known;
    const nodes = [root2];
    const kidsOf = [null];
    while (nodes.length) {
      const o = nodes[nodes.length - 1];
      let kids = kidsOf[kidsOf.length - 1];
      if (kids === null) {
        if (this.memo.has(o)) {
          nodes.pop();
          kidsOf.pop();
          continue;
        }
        kids = children(o);
        kidsOf[kidsOf.length - 1] = kids;
        let pending = false;
        for (const c of kids) {
          if (!this.memo.has(c)) {
            nodes.push(c);
            kidsOf.push(null);
            pending = true;
          }
        }
        if (pending) continue;
      }
      nodes.pop();
      kidsOf.pop();
      let h = 0;
      for (const c of kids) {
        const ch = this.memo.get(c) ?? 1;
        if (ch > h) h = ch;
      }
      this.memo.set(o, Array.isArray(o) ? h : h + 1);
    }
    return this.memo.get(root2);
  }
  /**
   * The span of the smallest subtree of `root` higher than `limit` (on a path of the highest
   * children), or null when `root` is within the limit.
   */
  excess(root2, limit) {
    if (this.height(root2) <= limit) return null;
    let cur = root2;
    let sp = spanOf(root2);
    for (; ; ) {
      let best = null;
      let bestH = -1;
      for (const c of children(cur)) {
        const h = this.height(c);
        if (h > bestH) {
          best = c;
          bestH = h;
        }
      }
      if (!best || bestH <= limit) return sp;
      cur = best;
      sp = spanOf(cur) ?? sp;
    }
  }
};
function spanOf(o) {
  if (Array.isArray(o)) return null;
  const sp = o.sp;
  if (typeof sp === "object" && sp !== null && typeof sp.start === "number" && typeof sp.end === "number") return sp;
  return null;
}
function treeHeightMessage(limit) {
  return `expression too deeply nested or too long: its syntax tree is more than ${limit} levels high (split it, e.g. with \`let\` bindings or a spec fn)`;
}
function boundTreeHeight(items, diags, limit = MAX_TREE_HEIGHT) {
  const th = new TreeHeights();
  const out = [];
  for (const it of items) {
    if (it.k === "fn") {
      if (it.parseError) {
        out.push(it);
        continue;
      }
      const contract = [it.params, it.ret, it.requires, it.ensures, it.recommends, it.decreases, it.returns];
      const inContract = th.excess(contract, limit);
      const where2 = inContract ?? (it.body ? th.excess(it.body, limit) : null);
      if (where2) {
        const diagnostic2 = { message: treeHeightMessage(limit), sp: where2 };
        diags.push(diagnostic2);
        it.parseError = { diagnostic: diagnostic2, inBody: inContract === null };
        it.body = null;
        if (inContract) {
          Object.assign(it, { params: [], ret: null, requires: [], ensures: [], recommends: [], decreases: [], returns: null });
        }
      }
      out.push(it);
      continue;
    }
    if (it.k === "error" || it.k === "unsupported" || it.k === "broadcast-use" || it.k === "broadcast-group") {
      out.push(it);
      continue;
    }
    const where = th.excess(it, limit);
    if (!where) {
      out.push(it);
      continue;
    }
    const diagnostic = { message: treeHeightMessage(limit), sp: where };
    diags.push(diagnostic);
    out.push({ k: "error", what: `${it.k} ${it.name}`, diagnostic, sp: it.sp, module: it.module });
  }
  return out;
}

// toolchain/verifier/parser.ts
var ParseError = class extends Error {
};
function nameTokOf(f) {
  return f.nameSp;
}
var MAX_DEPTH = 200;
var MAX_INT_LITERAL_DIGITS = 1e3;
function parseFile(path7, text) {
  const p = new Parser(text);
  let items = [];
  try {
    items = p.parseTop();
  } catch (e) {
    p.diags.push({ message: `internal parser error: ${e.message}`, sp: { start: 0, end: 0 } });
  }
  items = boundTreeHeight(items, p.diags);
  return { path: path7, text, items, diagnostics: p.diags };
}
var COMPARE = /* @__PURE__ */ new Set(["==", "!=", "<", "<=", ">", ">=", "=~=", "!~=", "===", "!=="]);
var BIN_PREC = /* @__PURE__ */ new Map([
  ["||", 1],
  ["&&", 2],
  ["==", 3],
  ["!=", 3],
  ["<", 3],
  ["<=", 3],
  [">", 3],
  [">=", 3],
  ["=~=", 3],
  ["!~=", 3],
  ["===", 3],
  ["!==", 3],
  ["|", 4],
  ["^", 5],
  ["&", 6],
  ["<<", 7],
  [">>", 7],
  ["+", 8],
  ["-", 8],
  ["*", 9],
  ["/", 9],
  ["%", 9]
]);
var Parser = class {
  toks;
  i = 0;
  diags = [];
  /** set by `generics()` / `whereClause()` when they meet a lifetime bound */
  sawLifetimeBound = false;
  depth = 0;
  /** matchOf[i]: index of the bracket matching the ( [ { ) ] } at token i, or -1. */
  matchOf;
  constructor(text) {
    const { tokens, diagnostics } = lex(text);
    this.toks = tokens;
    for (const d of diagnostics) this.diags.push({ message: d.message, sp: { start: d.start, end: d.end } });
    this.matchOf = matchBrackets(tokens);
  }
  peek(o = 0) {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)];
  }
  next() {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  is(text, o = 0) {
    const t = this.peek(o);
    return t.text === text && t.kind !== "string" && t.kind !== "char";
  }
  eat(text) {
    if (this.is(text)) {
      this.next();
      return true;
    }
    return false;
  }
  /** `>>` / `>=` split for generics. */
  eatGt() {
    const t = this.peek();
    if (t.kind === "punct" && t.text.startsWith(">") && t.text.length > 1) {
      const rest = t.text.slice(1);
      const nt = { ...t, text: rest, start: t.start + 1, column: t.column + 1 };
      this.toks[this.i] = nt;
      return true;
    }
    return this.eat(">");
  }
  expect(text) {
    if (this.is(text)) return this.next();
    this.error(`expected \`${text}\`, found \`${this.peek().text || "end of file"}\``);
  }
  error(msg, sp) {
    const t = this.peek();
    this.diags.push({ message: msg, sp: sp ?? { start: t.start, end: t.end } });
    throw new ParseError(msg);
  }
  /** Records a diagnostic without unwinding. */
  report(message, sp) {
    const d = { message, sp };
    this.diags.push(d);
    return d;
  }
  ident() {
    const t = this.peek();
    if (t.kind === "ident" || t.kind === "keyword" && (t.text === "self" || t.text === "Self" || t.text === "crate" || t.text === "super")) {
      this.next();
      return t.text;
    }
    this.error(`expected identifier, found \`${t.text || "end of file"}\``);
  }
  lastEnd() {
    return this.toks[Math.max(0, this.i - 1)].end;
  }
  enter() {
    if (++this.depth > MAX_DEPTH) this.error("nesting too deep");
  }
  leave() {
    this.depth--;
  }
  // ---------------- top level ----------------
  parseTop() {
    const items = [];
    const outer = [];
    while (this.peek().kind !== "eof") {
      while (outer.length && outer[outer.length - 1] < this.i) outer.pop();
      if (outer.length === 0 && this.is("verus") && this.is("!", 1) && (this.is("{", 2) || this.is("(", 2) || this.is("[", 2))) {
        this.next();
        this.next();
        const open = this.next().text;
        const close = open === "{" ? "}" : open === "(" ? ")" : "]";
        const start = this.i;
        try {
          this.parseItemsUntil(close, items, []);
          this.eat(close);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          this.i = start;
          this.skipBalancedUntil(close);
          this.eat(close);
        }
        continue;
      }
      const unsupported = (what, sp) => items.push({ k: "unsupported", what, sp, module: [] });
      const t = this.peek();
      if (t.text === "#" && (this.is("[", 1) || this.is("!", 1) && this.is("[", 2))) {
        const [a] = this.attrList();
        if (a && verusAttrOutside(a.text)) unsupported(`Verus attribute \`#[${a.text}]\` outside verus! (the code it marks is not verified)`, a.sp);
        continue;
      }
      if (t.text === "impl") {
        let j = this.i + 1;
        while (j < this.toks.length && !["{", ";", "}"].includes(this.toks[j].text)) {
          if (this.toks[j].text === "!" && this.toks[j + 1]?.kind === "ident") {
            unsupported(`negative impl \`impl !${this.toks[j + 1].text}\` (trait bounds such as Send and Sync are not checked)`, { start: t.start, end: this.toks[j + 1].end });
            break;
          }
          j++;
        }
      }
      if (t.kind === "ident" && this.is("!", 1) && (this.is("{", 2) || this.is("(", 2) || this.is("[", 2)) && (t.text === "verus" || VERUS_MACROS_OUTSIDE.has(t.text))) {
        const m2 = this.matchOf[this.i + 2];
        const end = m2 >= 0 ? this.toks[m2].end : this.toks[this.i + 2].end;
        unsupported(t.text === "verus" ? "verus! block inside plain Rust code (a module or function outside verus!): not read" : `\`${t.text}!\` outside verus! (Verus code in plain Rust is not verified)`, { start: t.start, end });
        this.i = m2 >= 0 ? m2 + 1 : this.i + 3;
        continue;
      }
      this.next();
      const m = this.matchOf[this.i - 1];
      if (t.kind === "punct" && (t.text === "{" || t.text === "(" || t.text === "[") && m >= 0) outer.push(m);
    }
    return items;
  }
  /**
   * Skips the bracket group opening at the current token. An opener without its closer is an
   * error: skipping by counting would run past the end of the enclosing body.
   */
  skipBalanced() {
    const m = this.matchOf[this.i];
    if (m < 0) this.error(`unclosed \`${this.peek().text}\``);
    this.i = m + 1;
  }
  skipBalancedUntil(close) {
    let depth = 0;
    while (this.peek().kind !== "eof") {
      const t = this.peek();
      if (t.kind === "punct") {
        if (t.text === "{" || t.text === "(" || t.text === "[") depth++;
        else if (t.text === "}" || t.text === ")" || t.text === "]") {
          if (depth === 0 && t.text === close) return;
          depth--;
        }
      }
      this.next();
    }
  }
  /** Skips to the start of the next plausible item after an error. */
  recoverItem(close) {
    let depth = 0;
    while (this.peek().kind !== "eof") {
      const t = this.peek();
      if (t.kind === "punct") {
        if (t.text === "{" || t.text === "(" || t.text === "[") depth++;
        else if (t.text === "}" || t.text === ")" || t.text === "]") {
          if (depth === 0) {
            if (close !== null && t.text === close) return;
            this.next();
            continue;
          }
          depth--;
          if (depth === 0 && t.text === "}") {
            this.next();
            if (this.isItemStart()) return;
            continue;
          }
        } else if (t.text === ";" && depth === 0) {
          this.next();
          if (this.isItemStart()) return;
          continue;
        }
      }
      this.next();
    }
  }
  isItemStart() {
    const t = this.peek();
    return ["fn", "struct", "enum", "impl", "pub", "const", "use", "mod", "type", "trait", "#"].includes(t.text) || t.kind === "ident" && verusModifier(t.text) !== void 0 || this.peek().kind === "eof";
  }
  /**
   * After an error in the item starting at token `itemStart`: resumes after the item's first
   * top-level `{ }` group or `;` (found by bracket matching, so an error nested deep inside the
   * item cannot make its `}` look like the end of the enclosing block), or before the enclosing
   * block's closer. Falls back to token-level recovery when the brackets do not help.
   */
  recoverItemFrom(itemStart, close) {
    const errorAt = this.i;
    let j = itemStart;
    for (; j < this.toks.length - 1; j++) {
      const t = this.toks[j];
      if (t.kind !== "punct") continue;
      if (t.text === ";") {
        j++;
        break;
      }
      if (t.text === "}" || t.text === ")" || t.text === "]") break;
      if (t.text === "{" || t.text === "(" || t.text === "[") {
        const m = this.matchOf[j];
        if (m < 0) {
          j = -1;
          break;
        }
        if (t.text === "{") {
          j = m + 1;
          break;
        }
        j = m;
      }
    }
    if (j > errorAt) this.i = j;
    else this.recoverItem(close);
  }
  parseItemsUntil(close, out, module) {
    while (this.peek().kind !== "eof" && !(close !== null && this.is(close))) {
      const before = this.i;
      try {
        this.item(out, module, null);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.recoverItemFrom(before, close);
      }
      if (this.i === before) this.next();
    }
  }
  attrs() {
    return this.attrList().map((a) => a.text);
  }
  /** `#[..]` / `#![..]` attributes: their text without whitespace (`verifier::external_body`) and span. */
  attrList() {
    const out = [];
    while (this.is("#") && (this.is("[", 1) || this.is("!", 1) && this.is("[", 2))) {
      const start = this.next().start;
      this.eat("!");
      const s2 = this.peek().start;
      const from = this.i;
      this.skipBalanced();
      const lit = this.toks.slice(from, this.i).find((t) => t.kind === "string");
      const str = lit && lit.text.startsWith('"') ? lit.text.slice(1, -1).replace(/\\(.)/g, "$1") : void 0;
      out.push({ text: this.textBetween(s2 + 1, this.lastEnd() - 1).replace(/\s+/g, ""), sp: { start, end: this.lastEnd() }, ...str !== void 0 ? { str } : {} });
    }
    return out;
  }
  /**
   * Attributes inside an item (fields, parameters, statements) that the verifier does not
   * implement; `item` takes the ones read while it parses and marks itself with them.
   */
  innerBad = [];
  innerAttrs(site) {
    const list = this.attrList();
    for (const a of list) {
      const t = attrTreatment(a.text, site);
      if (t !== "ok") this.innerBad.push({ attr: a.text, sp: a.sp, crate: t === "crate" });
    }
    return list;
  }
  text = "";
  textBetween(a, b) {
    return this.toks.filter((t) => t.start >= a && t.end <= b).map((t) => t.text).join(" ");
  }
  /** `pub`, `pub(crate)`, `pub(super)`, `pub(self)`, `pub(in path)`, or nothing (private). */
  visibility() {
    const t = this.peek();
    if (!this.eat("pub")) return { k: "private" };
    if (!this.is("(")) return { k: "pub" };
    return this.restriction(t.start);
  }
  /** `(crate)`, `(super)`, `(self)`, `(in a::b)` after `pub` / `open`. */
  restriction(start) {
    const open = this.i;
    const close = this.matchOf[open] ?? -1;
    const words = close > open ? this.toks.slice(open + 1, close).filter((t) => t.text !== "::").map((t) => t.text) : [];
    this.skipBalanced();
    const sp = { start, end: this.lastEnd() };
    if (words[0] === "in") return { k: "in", path: words.slice(1), sp };
    if (words.length === 1 && ["crate", "super", "self"].includes(words[0])) return { k: "in", path: words, sp };
    return { k: "in", path: ["self"], sp };
  }
  item(out, module, selfType) {
    const attrList = this.attrList();
    const outAt = out.length;
    const badAt = this.innerBad.length;
    let site = "item";
    try {
      site = this.itemAfterAttrs(out, module, selfType, attrList);
    } finally {
      const bad = this.innerBad.splice(badAt);
      let external = false;
      const made = out.slice(outAt);
      const self = site === "fn" && made.length === 1 ? made[0] : null;
      for (const a of attrList) {
        const t = attrTreatment(a.text, site);
        if (t === "external") external = true;
        else if (t !== "ok") bad.unshift({ attr: a.text, sp: a.sp, crate: t === "crate" });
      }
      if (external) {
        out.splice(outAt);
        for (const b of bad) out.push({ k: "unsupported", what: `attribute \`#[${b.attr}]\``, sp: b.sp, module, ...b.crate ? { crate: true } : {} });
      } else if (bad.length) {
        const fns = made.filter((it) => it.k === "fn");
        for (const f of fns) f.unsupportedAttrs = [...f.unsupportedAttrs ?? [], ...bad];
        if (self?.k !== "fn") {
          for (const b of bad) out.push({ k: "unsupported", what: `attribute \`#[${b.attr}]\``, sp: b.sp, module, ...b.crate ? { crate: true } : {} });
        }
      }
    }
  }
  /** The item after its attributes; returns what kind of item it was, for the attributes. */
  itemAfterAttrs(out, module, selfType, attrList) {
    const start = attrList[0]?.sp.start ?? this.peek().start;
    const attrs = attrList.map((a) => a.text);
    const vis = this.visibility();
    const pub = vis.k !== "private";
    const t = this.peek();
    if (t.kind === "ident" && t.text === "broadcast" && this.is("use", 1)) {
      this.next();
      this.next();
      const names = this.broadcastNames();
      this.expect(";");
      out.push({ k: "broadcast-use", names, sp: { start, end: this.lastEnd() }, module });
      return "item";
    }
    if (t.kind === "ident" && t.text === "broadcast" && this.peek(1).kind === "ident" && this.peek(1).text === "group" && this.peek(2).kind === "ident") {
      this.next();
      this.next();
      const name = this.ident();
      this.expect("{");
      const members = [];
      while (!this.eat("}")) {
        members.push(this.broadcastName());
        if (!this.eat(",")) {
          this.expect("}");
          break;
        }
      }
      out.push({ k: "broadcast-group", name, selfType, members, sp: { start, end: this.lastEnd() }, module, vis });
      return "item";
    }
    if (t.text === "use" || t.text === "extern") {
      while (!this.is(";") && this.peek().kind !== "eof") {
        if (this.is("{")) this.skipBalanced();
        else this.next();
      }
      this.expect(";");
      return "item";
    }
    if (t.text === "mod") {
      this.next();
      const name = this.ident();
      if (this.eat(";")) return "item";
      this.expect("{");
      this.parseItemsUntil("}", out, [...module, name]);
      this.expect("}");
      return "item";
    }
    if (t.text === "struct") return out.push({ ...this.structItem(start, module), attrs, vis }), "type";
    if (t.text === "enum") return out.push({ ...this.enumItem(start, module), attrs, vis }), "type";
    if (t.text === "impl") return this.implItem(out, module), "item";
    if (t.text === "const" && !this.is("fn", 1)) {
      this.next();
      const name = this.ident();
      this.expect(":");
      const ty = this.type();
      this.expect("=");
      const value = this.expr();
      this.expect(";");
      out.push({ k: "const", name, ty, value, selfType, sp: { start, end: this.lastEnd() }, module, vis });
      return "item";
    }
    if (t.text === "type") {
      this.next();
      const name = this.ident();
      this.expect("=");
      const ty = this.type();
      this.expect(";");
      out.push({ k: "type", name, ty, sp: { start, end: this.lastEnd() }, module });
      return "item";
    }
    if (t.text === "static" || t.text === "trait" || t.text === "union" || t.text === "macro_rules" || t.kind === "ident" && t.text === "global") {
      this.next();
      this.recoverItemSimple();
      out.push({ k: "unsupported", what: `\`${t.text}\` item`, sp: { start, end: this.lastEnd() }, module });
      return "item";
    }
    let mode = "exec";
    let open = false;
    const marks = /* @__PURE__ */ new Map();
    let unsafeSp;
    let openVis;
    let broadcastSp;
    for (; ; ) {
      const w = this.peek();
      const modifier = w.kind === "ident" && !this.is("!", 1) ? verusModifier(w.text) : void 0;
      if (modifier?.treatment === "unsupported") {
        this.next();
        this.recoverItemSimple();
        out.push({ k: "unsupported", what: `\`${w.text}\` item`, sp: { start, end: this.lastEnd() }, module });
        return "item";
      }
      if (modifier) {
        if (modifier.treatment === "mode") mode = modifier.mode;
        if (modifier.treatment === "broadcast") broadcastSp = { start: w.start, end: w.end };
        if (w.text === "open") open = true;
        marks.set(w.text, w);
        this.next();
        if (this.is("(")) {
          if (w.text === "open" && !(this.is("crate", 1) && this.is(")", 2))) open = false;
          if (w.text === "open") openVis = this.restriction(w.start);
          else this.skipBalanced();
        }
        continue;
      }
      if (w.text === "const" || w.text === "unsafe" || w.text === "async" || w.text === "extern") {
        if (w.text === "unsafe") unsafeSp = { start: w.start, end: w.end };
        this.next();
        continue;
      }
      break;
    }
    if (this.is("fn")) {
      const fn = this.fnItem(start, attrs, mode, open, selfType, module);
      fn.attrSps = attrList.map((a) => a.sp);
      if (unsafeSp) fn.unsafeSp = unsafeSp;
      fn.vis = vis;
      if (openVis) fn.openVis = openVis;
      if (broadcastSp) fn.broadcast = broadcastSp;
      const openOrClosed = marks.get("open") ?? marks.get("closed");
      const un = marks.get("uninterp");
      let bad = null;
      if (openOrClosed && mode !== "spec") bad = ["only `spec` functions can be marked `open` or `closed`", openOrClosed];
      else if (marks.has("open") && !pub && selfType === null) bad = ["function is marked `open` but not marked `pub`; for the body of a function to be visible, the function symbol must also be visible", marks.get("open")];
      else if (un && mode !== "spec") bad = ["only `spec` functions can be marked `uninterp`", un];
      else if (broadcastSp && mode !== "proof") bad = ["only `proof` functions can be marked `broadcast`", broadcastSp];
      else if (un && (fn.body || marks.has("open"))) bad = ["an `uninterp` spec function cannot have a body or be `open`", un];
      else if (fn.name === "main" && module.length === 0 && selfType === null && mode !== "exec") bad = ["`main` function must be an exec function", nameTokOf(fn)];
      if (bad && !fn.parseError) fn.parseError = { diagnostic: this.report(bad[0], { start: bad[1].start, end: bad[1].end }), inBody: true };
      out.push(fn);
      return "fn";
    }
    if (this.is("verus") && this.is("!", 1) && (this.is("{", 2) || this.is("(", 2) || this.is("[", 2))) {
      this.next();
      this.next();
      const close = this.next().text === "{" ? "}" : this.toks[this.i - 1].text === "(" ? ")" : "]";
      this.parseItemsUntil(close, out, module);
      this.expect(close);
      this.eat(";");
      return "item";
    }
    if (this.peek().kind === "ident" && this.is("!", 1)) {
      const nameTok = this.next();
      this.next();
      if (!this.is("{") && !this.is("(") && !this.is("[")) this.error(`expected \`{\`, \`(\` or \`[\` after \`${nameTok.text}!\``);
      this.skipBalanced();
      this.eat(";");
      const sp = { start, end: this.lastEnd() };
      const what = `unknown macro \`${nameTok.text}!\``;
      const diagnostic = this.report(`${what}: its contents are not verified`, sp);
      out.push({ k: "error", what, diagnostic, sp, module });
      return "item";
    }
    this.error(`expected item, found \`${this.peek().text}\``);
  }
  /** `a::b, c` or `{a::b, c}` after `broadcast use` (a trailing comma allowed in braces). */
  broadcastNames() {
    const names = [];
    if (this.eat("{")) {
      while (!this.eat("}")) {
        names.push(this.broadcastName());
        if (!this.eat(",")) {
          this.expect("}");
          break;
        }
      }
      return names;
    }
    do
      names.push(this.broadcastName());
    while (this.eat(","));
    return names;
  }
  broadcastName() {
    const s2 = this.peek().start;
    this.eat("::");
    const segs = [this.ident()];
    while (this.eat("::")) segs.push(this.ident());
    return { segs, sp: { start: s2, end: this.lastEnd() } };
  }
  recoverItemSimple() {
    while (this.peek().kind !== "eof" && !this.is(";") && !this.is("{")) this.next();
    if (this.is("{")) this.skipBalanced();
    else this.eat(";");
  }
  /** The names of `genericParams()`. */
  generics() {
    return this.genericParams().map((g) => g.name);
  }
  /**
   * `<..>` of an item: its type and const parameters with their bounds (lifetimes are not kept;
   * a bound on or by one sets `sawLifetimeBound`). Anything not read as a parameter or bound is
   * skipped up to the next `,` / `>` and kept as an unreadable bound (`?`), so the item is
   * reported unsupported, never silently accepted.
   */
  genericParams() {
    const out = [];
    if (!this.eat("<")) return out;
    const ends = () => this.peek().kind === "eof" || this.is("{") || this.is("}") || this.is(";") || this.is(")");
    while (!this.eatGt()) {
      if (ends()) this.error("unterminated generics");
      const s2 = this.peek().start;
      if (this.peek().kind === "lifetime") {
        this.next();
        if (this.eat(":")) {
          this.sawLifetimeBound = true;
          this.skipGenericItem();
        }
      } else if (this.eat("const")) {
        const name = this.ident();
        this.expect(":");
        const constTy = this.type();
        const bounds = [];
        if (this.eat("=")) {
          const ds = this.peek().start;
          this.skipGenericItem();
          bounds.push({ name: "?", hasArgs: false, maybe: false, sp: { start: ds, end: this.lastEnd() } });
        }
        out.push({ name, kind: "const", bounds, constTy, sp: { start: s2, end: this.lastEnd() } });
      } else if (this.peek().kind === "ident") {
        const name = this.next().text;
        const bounds = this.eat(":") ? this.traitBounds() : [];
        if (this.eat("=")) {
          const ds = this.peek().start;
          this.skipGenericItem();
          bounds.push({ name: "?", hasArgs: false, maybe: false, sp: { start: ds, end: this.lastEnd() } });
        }
        out.push({ name, kind: "type", bounds, sp: { start: s2, end: this.lastEnd() } });
      } else {
        this.skipGenericItem();
        if (out.length) out[out.length - 1].bounds.push({ name: "?", hasArgs: false, maybe: false, sp: { start: s2, end: this.lastEnd() } });
      }
      if (!this.is(",") && !this.is(">") && !this.peek().text.startsWith(">")) {
        const us = this.peek().start;
        this.skipGenericItem();
        if (out.length) out[out.length - 1].bounds.push({ name: "?", hasArgs: false, maybe: false, sp: { start: us, end: this.lastEnd() } });
      }
      this.eat(",");
    }
    return out;
  }
  /** Skips to the next `,` or `>` (or `{` / `;` / `where`) outside brackets and angle brackets. */
  skipGenericItem() {
    let angle = 0;
    while (this.peek().kind !== "eof") {
      if (this.is("{") && angle === 0) return;
      if (this.is("(") || this.is("[") || this.is("{") && angle > 0) {
        this.skipBalanced();
        continue;
      }
      if (this.is(";") || this.is("}") || this.is(")")) return;
      if (angle === 0 && (this.is(",") || this.peek().text.startsWith(">"))) return;
      if (this.is("<")) angle++;
      else if (this.peek().text.startsWith(">") && this.peek().kind === "punct" && this.peek().text !== ">=") {
        this.eatGt();
        angle--;
        continue;
      }
      this.next();
    }
  }
  /** `A + B<X> + ?Sized + 'a`: the bounds after a `:` (lifetimes set `sawLifetimeBound`). */
  traitBounds() {
    const out = [];
    for (; ; ) {
      const s2 = this.peek().start;
      if (this.peek().kind === "lifetime") {
        this.next();
        this.sawLifetimeBound = true;
      } else {
        const maybe = this.eat("?");
        if (this.peek().kind !== "ident" && !this.is("::")) {
          this.skipGenericItem();
          out.push({ name: "?", hasArgs: false, maybe, sp: { start: s2, end: this.lastEnd() } });
          return out;
        }
        this.eat("::");
        let name = this.ident();
        while (this.is("::") && this.peek(1).kind === "ident") {
          this.next();
          name = this.ident();
        }
        let hasArgs = false;
        if (this.is("<") || this.is("(")) {
          hasArgs = true;
          if (this.is("(")) {
            this.skipBalanced();
            if (this.eat("->")) this.type();
          } else {
            this.next();
            let depth = 1;
            while (depth > 0 && this.peek().kind !== "eof" && !this.is("{") && !this.is(";")) {
              if (this.eatGt()) depth--;
              else if (this.next().text === "<") depth++;
            }
          }
        }
        out.push({ name, hasArgs, maybe, sp: { start: s2, end: this.lastEnd() } });
      }
      if (!this.eat("+")) return out;
    }
  }
  /**
   * A `where` clause: bounds on a parameter by name are added to `params`; any other predicate is
   * an `OtherBound` (a bound on a lifetime sets `sawLifetimeBound`).
   */
  whereClause(params = [], other = []) {
    if (!this.eat("where")) return;
    while (!this.is("{") && !this.is(";") && this.peek().kind !== "eof") {
      const s2 = this.peek().start;
      if (this.peek().kind === "lifetime") {
        this.sawLifetimeBound = true;
        this.skipGenericItem();
      } else if (this.peek().kind === "ident" && this.is(":", 1) && params.some((p) => p.name === this.peek().text && p.kind === "type")) {
        const p = params.find((x) => x.name === this.peek().text);
        this.next();
        this.next();
        p.bounds.push(...this.traitBounds());
      } else {
        this.skipGenericItem();
        other.push({ sp: { start: s2, end: this.lastEnd() } });
      }
      if (!this.eat(",")) {
        if (!this.is("{") && !this.is(";") && this.peek().kind !== "eof") {
          const us = this.peek().start;
          this.next();
          other.push({ sp: { start: us, end: this.lastEnd() } });
        }
      }
    }
  }
  structItem(start, module) {
    this.expect("struct");
    const name = this.ident();
    const genericParams = this.genericParams();
    const generics = genericParams.map((g) => g.name);
    const otherBounds = [];
    this.whereClause(genericParams, otherBounds);
    const fields = [];
    let tupleLike = false;
    if (this.eat("{")) {
      while (!this.eat("}")) {
        this.innerAttrs("item");
        const vis = this.visibility();
        const fs2 = this.peek().start;
        const fname = this.ident();
        this.expect(":");
        const ty = this.type();
        fields.push({ name: fname, ty, sp: { start: fs2, end: this.lastEnd() }, vis });
        if (!this.eat(",")) {
          this.expect("}");
          break;
        }
      }
    } else if (this.eat("(")) {
      tupleLike = true;
      let idx = 0;
      while (!this.eat(")")) {
        this.innerAttrs("item");
        const vis = this.visibility();
        const fs2 = this.peek().start;
        const ty = this.type();
        fields.push({ name: String(idx++), ty, sp: { start: fs2, end: this.lastEnd() }, vis });
        if (!this.eat(",")) {
          this.expect(")");
          break;
        }
      }
      this.expect(";");
    } else this.expect(";");
    return { k: "struct", name, fields, tupleLike, generics, genericParams, otherBounds, sp: { start, end: this.lastEnd() }, module };
  }
  enumItem(start, module) {
    this.expect("enum");
    const name = this.ident();
    const genericParams = this.genericParams();
    const generics = genericParams.map((g) => g.name);
    const otherBounds = [];
    this.whereClause(genericParams, otherBounds);
    this.expect("{");
    const variants = [];
    while (!this.eat("}")) {
      this.innerAttrs("item");
      const vs = this.peek().start;
      const vname = this.ident();
      const fields = [];
      let tupleLike = false;
      if (this.eat("(")) {
        tupleLike = true;
        let idx = 0;
        while (!this.eat(")")) {
          fields.push({ name: String(idx++), ty: this.type() });
          if (!this.eat(",")) {
            this.expect(")");
            break;
          }
        }
      } else if (this.eat("{")) {
        while (!this.eat("}")) {
          const fname = this.ident();
          this.expect(":");
          fields.push({ name: fname, ty: this.type() });
          if (!this.eat(",")) {
            this.expect("}");
            break;
          }
        }
      }
      if (this.eat("=")) this.expr();
      variants.push({ name: vname, fields, tupleLike, sp: { start: vs, end: this.lastEnd() } });
      if (!this.eat(",")) {
        this.expect("}");
        break;
      }
    }
    return { k: "enum", name, variants, generics, genericParams, otherBounds, sp: { start, end: this.lastEnd() }, module };
  }
  implItem(out, module) {
    const start = this.peek().start;
    this.expect("impl");
    this.sawLifetimeBound = false;
    const gps = this.genericParams();
    const g = gps.map((x) => x.name);
    const ty = this.type();
    if (this.eat("for")) {
      const ty2 = this.type();
      this.whereClause();
      this.skipBalanced();
      out.push({ k: "unsupported", what: `trait impl for ${tyName(ty2)}`, sp: { start, end: this.lastEnd() }, module });
      return;
    }
    const implOther = [];
    this.whereClause(gps, implOther);
    const implLifetimeBound = this.sawLifetimeBound;
    const selfType = tyName(ty);
    this.expect("{");
    while (!this.is("}") && this.peek().kind !== "eof") {
      const before = this.i;
      try {
        const inner = [];
        this.item(inner, module, selfType);
        for (const it of inner) {
          if (it.k === "fn") {
            it.selfType = selfType;
            if (g.length) {
              it.generics = [...g, ...it.generics];
              it.implGenerics = g.length;
              it.genericParams = [...gps, ...it.genericParams ?? []];
            }
            if (implOther.length) it.otherBounds = [...implOther, ...it.otherBounds ?? []];
            if (ty.k === "path" && ty.args.length) it.selfArgs = ty.args;
            if (implLifetimeBound) it.lifetimeBounds = true;
            if (ty.k === "path" && ty.lifetimes) it.selfLifetimes = ty.lifetimes;
          }
          out.push(it);
        }
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.recoverItemFrom(before, "}");
      }
      if (this.i === before) this.next();
    }
    this.expect("}");
  }
  fnItem(start, attrs, mode, open, selfType, module) {
    this.expect("fn");
    const nameTok = this.peek();
    const name = this.ident();
    const fn = {
      k: "fn",
      name,
      mode,
      open,
      attrs,
      params: [],
      ret: null,
      requires: [],
      ensures: [],
      recommends: [],
      decreases: [],
      returns: null,
      unsupportedClauses: [],
      body: null,
      generics: [],
      selfType,
      nameSp: { start: nameTok.start, end: nameTok.end },
      sp: { start, end: nameTok.end },
      module
    };
    let bodyOpen = -1;
    const fnStart = this.i;
    this.sawLifetimeBound = false;
    try {
      fn.genericParams = this.genericParams();
      fn.generics = fn.genericParams.map((x) => x.name);
      this.expect("(");
      const params = fn.params;
      while (!this.eat(")")) {
        this.innerAttrs("item");
        const ps = this.peek().start;
        let pmode;
        if (this.peek().kind === "ident" && (this.peek().text === "tracked" || this.peek().text === "ghost") && !this.is(":", 1)) pmode = this.next().text;
        if (this.is("&") || this.is("&&") || this.is("self") || this.is("mut") && this.is("self", 1)) {
          let ref = false;
          let mut = false;
          let mutSelf = false;
          let lifetime;
          if (this.eat("&")) {
            ref = true;
            if (this.peek().kind === "lifetime") lifetime = this.next().text;
            mut = this.eat("mut");
          } else if (this.eat("mut")) mutSelf = true;
          this.expect("self");
          let ty = { k: "path", name: "Self", segs: ["Self"], args: [], sp: { start: ps, end: this.lastEnd() } };
          if (ref) ty = { k: "ref", mut, inner: ty, sp: ty.sp, ...lifetime ? { lifetime } : {} };
          if (this.eat(":")) ty = this.type();
          params.push({ name: "self", ty, isSelf: true, sp: { start: ps, end: this.lastEnd() }, ...mutSelf ? { mut: true } : {} });
        } else if (!pmode && this.peek().kind === "ident" && (this.peek().text === "Tracked" || this.peek().text === "Ghost") && this.is("(", 1)) {
          const wrapper = this.next().text;
          this.next();
          const pmut = this.eat("mut");
          const pname = this.ident();
          this.expect(")");
          this.expect(":");
          const ty = this.type();
          if (ty.k !== "path" || ty.name !== wrapper || ty.args.length !== 1) this.error(`the pattern \`${wrapper}(${pname})\` needs a parameter of type \`${wrapper}<T>\``, ty.sp);
          params.push({ name: pname, ty, isSelf: false, sp: { start: ps, end: this.lastEnd() }, unwrap: wrapper, ...pmut ? { mut: true } : {} });
        } else {
          const pmut = this.eat("mut");
          const pname = this.ident();
          this.expect(":");
          const ty = this.type();
          params.push({ name: pname, ty, isSelf: false, sp: { start: ps, end: this.lastEnd() }, ...pmode ? { mode: pmode } : {}, ...pmut ? { mut: true } : {} });
        }
        if (!this.eat(",")) {
          this.expect(")");
          break;
        }
      }
      if (this.eat("->")) {
        if (this.is("(") && (this.peek(1).kind === "ident" || this.is("tracked", 1)) && (this.is(":", 2) || this.is(":", 3))) {
          this.next();
          if (this.peek().text === "tracked" && !this.is(":", 1)) this.next();
          const rname = this.ident();
          this.expect(":");
          const ty = this.type();
          this.expect(")");
          fn.ret = { name: rname, ty };
        } else {
          if (this.peek().text === "tracked" && this.peek().kind === "ident") this.next();
          fn.ret = { name: null, ty: this.type() };
        }
      }
      const other = [];
      this.whereClause(fn.genericParams, other);
      if (other.length) fn.otherBounds = other;
      if (this.sawLifetimeBound) fn.lifetimeBounds = true;
      this.fnClauses(fn);
      if (!this.eat(";")) {
        if (this.is("{")) bodyOpen = this.i;
        fn.body = this.block();
      }
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      fn.parseError = { diagnostic: this.diags[this.diags.length - 1], inBody: bodyOpen >= 0 };
      fn.body = null;
      this.noStruct = false;
      this.inQuantParams = false;
      this.skipRestOfFn(fnStart, bodyOpen);
    }
    fn.sp = { start, end: this.lastEnd() };
    return fn;
  }
  /**
   * After an error in a function: resumes after the `}` matching the body's `{` (bracket
   * matching over tokens). Without a body yet (an error in the signature), the body is the first
   * top-level `{ }` group after `fn`, unless a `;` or the next item comes first.
   */
  skipRestOfFn(fnStart, bodyOpen) {
    const errorAt = this.i;
    let open = bodyOpen;
    if (open < 0) {
      for (let j = fnStart; j < this.toks.length - 1; j++) {
        const t = this.toks[j];
        if (t.kind === "keyword" && ["fn", "struct", "enum", "impl", "mod", "trait", "use"].includes(t.text)) {
          if (j >= errorAt) this.i = j;
          return;
        }
        if (t.kind !== "punct") continue;
        if (t.text === ";" || t.text === "}" || t.text === ")" || t.text === "]") {
          if (j >= errorAt) this.i = t.text === ";" ? j + 1 : j;
          return;
        }
        if (t.text === "{") {
          open = j;
          break;
        }
        if (t.text === "(" || t.text === "[") {
          if (this.matchOf[j] < 0) return;
          j = this.matchOf[j];
        }
      }
    }
    const close = open >= 0 ? this.matchOf[open] : -1;
    if (close >= 0 && close + 1 > errorAt) this.i = close + 1;
  }
  /** The clauses between a function's signature and its body (toolchain/syntax/clauses.ts). */
  fnClauses(fn) {
    for (; ; ) {
      const w = this.peek();
      if (w.kind !== "ident") break;
      const treatment = verusClause(w.text)?.inFn;
      if (!treatment) break;
      this.next();
      switch (treatment) {
        case "requires":
        case "ensures":
        case "recommends":
        case "decreases":
          this.clauseList(fn[treatment]);
          break;
        case "returns": {
          const es = [];
          this.clauseList(es);
          if (es.length !== 1) this.error("`returns` takes one expression", { start: w.start, end: this.lastEnd() });
          if (fn.returns) this.error("a second `returns` clause", { start: w.start, end: this.lastEnd() });
          fn.returns = es[0];
          break;
        }
        case "invariant":
          this.error(`\`${w.text}\` is a loop clause`, { start: w.start, end: w.end });
          break;
        case "unsupported":
          this.clauseList([]);
          fn.unsupportedClauses.push({ clause: w.text, sp: { start: w.start, end: this.lastEnd() } });
          break;
      }
    }
  }
  clauseList(out) {
    while (!this.is("{") && !this.is(";") && this.peek().kind !== "eof") {
      if (this.peek().kind === "ident" && CLAUSE_KEYWORDS.has(this.peek().text) && !this.is(".", 1) && !this.is("::", 1)) return;
      out.push(this.expr(true));
      if (!this.eat(",")) return;
    }
  }
  // ---------------- types ----------------
  /**
   * A generic argument: a type, or a const argument (an integer literal as a path type named by
   * its text, which the resolver reads as a value; a `{ .. }` block, kept as `{..}`, which it refuses).
   */
  genericArg() {
    const t = this.peek();
    if (t.kind === "int") {
      this.next();
      return { k: "path", name: t.text, segs: [t.text], args: [], sp: { start: t.start, end: t.end } };
    }
    if (this.is("{")) {
      this.skipBalanced();
      return { k: "path", name: "{..}", segs: ["{..}"], args: [], sp: { start: t.start, end: this.lastEnd() } };
    }
    return this.type();
  }
  type() {
    this.enter();
    try {
      return this.type0();
    } finally {
      this.leave();
    }
  }
  type0() {
    const s2 = this.peek().start;
    if (this.eat("&") || this.is("&&") && (this.next(), true)) {
      const lifetime = this.peek().kind === "lifetime" ? this.next().text : void 0;
      const mut = this.eat("mut");
      const inner = this.type();
      return { k: "ref", mut, inner, sp: { start: s2, end: this.lastEnd() }, ...lifetime ? { lifetime } : {} };
    }
    if (this.eat("[")) {
      const elem = this.type();
      if (this.eat(";")) {
        const len = this.expr();
        this.expect("]");
        return { k: "array", elem, len, sp: { start: s2, end: this.lastEnd() } };
      }
      this.expect("]");
      return { k: "slice", elem, sp: { start: s2, end: this.lastEnd() } };
    }
    if (this.eat("(")) {
      const elems = [];
      while (!this.eat(")")) {
        elems.push(this.type());
        if (!this.eat(",")) {
          this.expect(")");
          break;
        }
      }
      if (elems.length === 1 && this.toks[this.i - 2]?.text !== ",") return elems[0];
      return { k: "tuple", elems, sp: { start: s2, end: this.lastEnd() } };
    }
    if (this.eat("_")) return { k: "infer", sp: { start: s2, end: this.lastEnd() } };
    if (this.is("*") && (this.is("mut", 1) || this.is("const", 1))) {
      this.next();
      const mut = this.next().text === "mut";
      const inner = this.type();
      return { k: "ptr", mut, inner, sp: { start: s2, end: this.lastEnd() } };
    }
    if (this.is("dyn") || this.is("impl") || this.is("fn")) this.error("unsupported type");
    const segs = [];
    let args = [];
    const lifetimes = [];
    this.eat("::");
    for (; ; ) {
      segs.push(this.ident());
      if (this.is("<") || this.is("::") && this.is("<", 1)) {
        this.eat("::");
        this.next();
        args = [];
        while (!this.eatGt()) {
          if (this.peek().kind === "lifetime") {
            lifetimes.push(this.next().text);
          } else args.push(this.genericArg());
          if (!this.eat(",")) {
            if (!this.eatGt()) this.error("expected `>`");
            break;
          }
        }
      }
      if (this.is("::") && (this.peek(1).kind === "ident" || this.peek(1).kind === "keyword")) {
        this.next();
        continue;
      }
      break;
    }
    return { k: "path", name: segs[segs.length - 1], segs, args, sp: { start: s2, end: this.lastEnd() }, ...lifetimes.length ? { lifetimes } : {} };
  }
  // ---------------- blocks and statements ----------------
  block() {
    this.enter();
    try {
      const s2 = this.expect("{").start;
      const stmts = [];
      while (!this.is("}")) {
        if (this.peek().kind === "eof") this.error("unterminated block");
        if (this.eat(";")) continue;
        stmts.push(this.stmt());
      }
      this.next();
      return { stmts, sp: { start: s2, end: this.lastEnd() } };
    } finally {
      this.leave();
    }
  }
  stmt() {
    const attrs = this.innerAttrs("stmt");
    const st = this.stmtAfterAttrs();
    const notes = [];
    for (const a of attrs) {
      const name = parseAttr(a.text);
      if (name.verifier && (name.name === "proof_note" || name.name === "custom_err")) notes.push({ kind: name.name, text: a.str ?? "", sp: a.sp });
    }
    if (notes.length && (st.k === "assert" || st.k === "assume" || st.k === "assert-forall")) st.notes = notes;
    const iso = attrs.map((a) => /^verifier(?:::loop_isolation\((true|false)\)|\(loop_isolation\((true|false)\)\))$/.exec(a.text)).find((m) => m);
    if (iso && st.k === "expr" && (st.e.k === "while" || st.e.k === "loop")) st.e.isolation = (iso[1] ?? iso[2]) === "true";
    return st;
  }
  stmtAfterAttrs() {
    const s2 = this.peek().start;
    const t = this.peek();
    if (t.text === "let") {
      this.next();
      let ghost2 = false;
      let tracked = false;
      if (this.peek().kind === "ident" && (this.peek().text === "ghost" || this.peek().text === "tracked") && !this.is(":", 1) && !this.is("=", 1)) {
        ghost2 = true;
        tracked = this.next().text === "tracked";
      }
      const pat = this.pat();
      let ty = null;
      if (this.eat(":")) ty = this.type();
      let init = null;
      if (this.eat("=")) init = this.expr();
      if (this.is("else")) this.error("let-else is not supported");
      this.expect(";");
      return { k: "let", pat, ghost: ghost2, ty, init, sp: { start: s2, end: this.lastEnd() }, ...tracked ? { tracked } : {} };
    }
    if (t.kind === "ident" && (t.text === "assert" || t.text === "assume") && this.is("(", 1)) {
      this.next();
      this.next();
      const e2 = this.expr();
      this.expect(")");
      if (t.text === "assume") {
        this.eat(";");
        return { k: "assume", e: e2, sp: { start: s2, end: this.lastEnd() } };
      }
      let by = "none";
      let proof = null;
      const req = [];
      if (this.is("by")) {
        this.next();
        if (this.eat("(")) {
          const w = this.ident();
          this.expect(")");
          if (w === "bit_vector") by = "bit_vector";
          else if (w === "nonlinear_arith") by = "nonlinear_arith";
          else this.error(`unsupported \`by(${w})\``);
          if (this.is("requires")) {
            this.next();
            this.clauseList(req);
          }
          if (this.is("{")) proof = this.block();
        } else {
          by = "block";
          proof = this.block();
        }
      }
      this.eat(";");
      return { k: "assert", e: e2, by, req, proof, sp: { start: s2, end: this.lastEnd() } };
    }
    if (t.kind === "ident" && t.text === "assert" && this.is("forall", 1)) {
      this.next();
      this.next();
      const { params, triggers, attrs, all } = this.quantHead();
      const body2 = this.expr();
      let lhs = null;
      let rhs = body2;
      if (this.is("implies")) {
        this.next();
        lhs = body2;
        rhs = this.expr();
      }
      let proof = null;
      if (this.is("by")) {
        this.next();
        proof = this.block();
      }
      this.eat(";");
      return { k: "assert-forall", params, triggers, ...all ? { allTriggers: true } : {}, lhs, rhs, proof, sp: { start: s2, end: this.lastEnd() }, ...attrs ? { attrs } : {} };
    }
    if (t.kind === "ident" && t.text === "proof" && this.is("{", 1)) {
      this.next();
      const block = this.block();
      return { k: "proof", block, sp: { start: s2, end: this.lastEnd() } };
    }
    if (t.kind === "ident" && (t.text === "reveal" || t.text === "reveal_with_fuel") && this.is("(", 1)) {
      this.next();
      this.next();
      const segs = [this.ident()];
      while (this.eat("::")) segs.push(this.ident());
      let fuel = null;
      if (this.eat(",")) {
        const f = this.expr();
        fuel = f.k === "int" && f.value <= 64n ? Number(f.value) : -1;
      }
      this.expect(")");
      this.eat(";");
      return { k: "reveal", name: segs, fuel, sp: { start: s2, end: this.lastEnd() } };
    }
    if (t.kind === "ident" && t.text === "broadcast" && this.is("use", 1)) {
      this.next();
      this.next();
      const names = this.broadcastNames();
      this.expect(";");
      return { k: "broadcast-use", names, sp: { start: s2, end: this.lastEnd() } };
    }
    if (["fn", "struct", "enum", "impl", "use", "const", "static", "mod", "trait"].includes(t.text) && t.kind === "keyword" && !(t.text === "const" && this.is("{", 1))) {
      const items = [];
      this.item(items, [], null);
      return { k: "unsupported", what: "nested item", sp: { start: s2, end: this.lastEnd() } };
    }
    const startsBlockLike = ["if", "match", "while", "loop", "for", "{"].includes(t.text) || t.text === "unsafe" && this.is("{", 1);
    let e = startsBlockLike ? this.primary() : this.expr();
    if (startsBlockLike && (this.is(".") || this.is("?"))) e = this.postfix(e);
    const blockLike = e.k === "if" || e.k === "match" || e.k === "block" || e.k === "while" || e.k === "loop" || t.text === "for";
    if (this.eat(";")) return { k: "expr", e, semi: true, sp: { start: s2, end: this.lastEnd() } };
    if (!blockLike && !this.is("}")) this.error(`expected \`;\`, found \`${this.peek().text}\``);
    return { k: "expr", e, semi: false, sp: { start: s2, end: this.lastEnd() } };
  }
  // ---------------- patterns ----------------
  pat() {
    this.enter();
    try {
      const s2 = this.peek().start;
      this.eat("|");
      const first = this.pat1();
      if (!this.is("|")) return first;
      const alts = [first];
      while (this.eat("|")) alts.push(this.pat1());
      return { k: "or", alts, sp: { start: s2, end: this.lastEnd() } };
    } finally {
      this.leave();
    }
  }
  pat1() {
    const s2 = this.peek().start;
    const t = this.peek();
    if (this.eat("_")) return { k: "wild", sp: { start: s2, end: this.lastEnd() } };
    if (t.kind === "int" || t.text === "true" || t.text === "false" || t.text === "-" && this.peek(1).kind === "int") {
      const value = this.unary();
      return { k: "lit", value, sp: { start: s2, end: this.lastEnd() } };
    }
    if (this.eat("(")) {
      const elems = [];
      let trailingComma = false;
      while (!this.eat(")")) {
        elems.push(this.pat());
        trailingComma = this.eat(",");
        if (!trailingComma) {
          this.expect(")");
          break;
        }
      }
      if (elems.length === 1 && !trailingComma) return elems[0];
      return { k: "tuple", elems, sp: { start: s2, end: this.lastEnd() } };
    }
    const ref = this.eat("ref");
    const mut = this.eat("mut");
    if (this.peek().kind === "ident" && (this.peek().text === "ghost" || this.peek().text === "tracked") && this.peek(1).kind === "ident") this.next();
    const path7 = [this.ident()];
    while (this.eat("::")) path7.push(this.ident());
    if (this.eat("(")) {
      const args = [];
      while (!this.eat(")")) {
        if (this.eat("..")) {
          args.push({ k: "wild", sp: { start: s2, end: this.lastEnd() } });
        } else args.push(this.pat());
        if (!this.eat(",")) {
          this.expect(")");
          break;
        }
      }
      return { k: "variant", path: path7, args, fields: null, rest: false, sp: { start: s2, end: this.lastEnd() } };
    }
    if (this.is("{")) {
      this.next();
      const fields = [];
      let rest = false;
      while (!this.eat("}")) {
        if (this.eat("..")) {
          rest = true;
          this.expect("}");
          break;
        }
        const fs2 = this.peek().start;
        const mutF = this.eat("mut");
        const fname = this.ident();
        if (this.eat(":")) fields.push({ name: fname, pat: this.pat() });
        else fields.push({ name: fname, pat: { k: "bind", name: fname, mut: mutF, sp: { start: fs2, end: this.lastEnd() } } });
        if (!this.eat(",")) {
          this.expect("}");
          break;
        }
      }
      return { k: "variant", path: path7, args: null, fields, rest, sp: { start: s2, end: this.lastEnd() } };
    }
    if (path7.length === 1 && /^[a-z_]/.test(path7[0]) && path7[0] !== "None") {
      return { k: "bind", name: path7[0], mut, sp: { start: s2, end: this.lastEnd() }, ...ref ? { ref: true } : {} };
    }
    return { k: "variant", path: path7, args: null, fields: null, rest: false, sp: { start: s2, end: this.lastEnd() } };
  }
  // ---------------- expressions ----------------
  /** noStruct: a `{` after a path is not a struct literal (conditions, clause lists). */
  noStruct = false;
  expr(noStruct = false) {
    const save = this.noStruct;
    this.noStruct = noStruct;
    this.enter();
    try {
      return this.exprAssign();
    } finally {
      this.noStruct = save;
      this.leave();
    }
  }
  exprNS() {
    return this.expr(true);
  }
  exprAssign() {
    const s2 = this.peek().start;
    if (this.is("..") || this.is("..=")) {
      this.next();
      if (!this.is(")") && !this.is("]") && !this.is("{") && !this.is(",") && !this.is(";")) this.exprIff();
      return { k: "unsupported", what: "range expression", sp: { start: s2, end: this.lastEnd() } };
    }
    const lhs = this.exprIff();
    if (this.is("..") || this.is("..=")) {
      this.next();
      if (!this.is(")") && !this.is("]") && !this.is("{") && !this.is(",") && !this.is(";")) this.exprIff();
      return { k: "unsupported", what: "range expression", sp: { start: s2, end: this.lastEnd() } };
    }
    const t = this.peek();
    if (t.kind === "punct" && ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="].includes(t.text)) {
      this.next();
      const rhs = this.exprAssign();
      return { k: "assign", op: t.text, lhs, rhs, sp: { start: s2, end: this.lastEnd() } };
    }
    return lhs;
  }
  bin(op, l, r) {
    return { k: "binary", op, l, r, sp: { start: l.sp.start, end: r.sp.end } };
  }
  exprIff() {
    let l = this.exprImplies();
    while (this.is("<==>")) {
      this.next();
      const r = this.exprImplies();
      l = this.bin("<==>", l, r);
    }
    return l;
  }
  /**
   * `a ==> b ==> c` is `a ==> (b ==> c)`; `a <== b <== c` is `(a <== b) <== c`; the last operand
   * of a `==>` chain may be a `<==` chain. A loop, not recursion: a chain of any length parses
   * without stack depth (the tree height bound below then refuses what later phases cannot take).
   */
  exprImplies() {
    const heads = [];
    for (; ; ) {
      const l = this.exprOr();
      if (this.eat("==>")) {
        heads.push(l);
        continue;
      }
      let acc = l;
      while (this.eat("<==")) acc = this.bin("<==", acc, this.exprOr());
      for (let i = heads.length - 1; i >= 0; i--) acc = this.bin("==>", heads[i], acc);
      return acc;
    }
  }
  exprOr() {
    return this.binExpr(1);
  }
  /** Precedence climbing for `||` (1) .. `* / %` (9); comparisons (3) chain like Verus. */
  binExpr(minPrec) {
    let l = this.exprCast();
    for (; ; ) {
      const t = this.peek();
      if (t.kind !== "punct") return l;
      const prec = BIN_PREC.get(t.text);
      if (prec === void 0 || prec < minPrec) return l;
      if (t.text === "|" && this.inQuantParams) return l;
      if (prec === 3) {
        const ops = [];
        const operands = [l];
        while (this.peek().kind === "punct" && COMPARE.has(this.peek().text)) {
          ops.push(this.next().text);
          operands.push(this.binExpr(4));
        }
        l = ops.length === 1 ? this.bin(ops[0], operands[0], operands[1]) : { k: "chain", ops, operands, sp: { start: l.sp.start, end: this.lastEnd() } };
        continue;
      }
      this.next();
      const r = this.binExpr(prec + 1);
      l = this.bin(t.text, l, r);
    }
  }
  inQuantParams = false;
  exprCast() {
    let e = this.unary();
    while (this.is("as")) {
      this.next();
      const ty = this.type();
      e = { k: "cast", e, ty, sp: { start: e.sp.start, end: this.lastEnd() } };
    }
    return e;
  }
  unary() {
    this.enter();
    try {
      const s2 = this.peek().start;
      if (this.is("!") || this.is("-") || this.is("*")) {
        const op = this.next().text;
        const e = this.unary();
        return { k: "unary", op, e, sp: { start: s2, end: this.lastEnd() } };
      }
      if (this.is("&") || this.is("&&")) {
        const double = this.next().text === "&&";
        const mut = this.eat("mut");
        let e = this.unary();
        e = { k: "unary", op: mut ? "&mut" : "&", e, sp: { start: s2, end: this.lastEnd() } };
        if (double) e = { k: "unary", op: "&", e, sp: e.sp };
        return e;
      }
      if (this.is("#") && this.is("[", 1) && this.peek(2).text === "trigger") {
        this.next();
        const open = this.i;
        this.skipBalanced();
        const attrArgs = this.i - open > 3 ? { start: this.toks[open + 2].end, end: this.toks[this.i - 1].start } : null;
        const e = this.unary();
        return { k: "trigger", e, sp: { start: s2, end: this.lastEnd() }, ...attrArgs ? { attrArgs } : {} };
      }
      return this.postfix(this.primary());
    } finally {
      this.leave();
    }
  }
  args(close) {
    const out = [];
    const save = this.noStruct;
    this.noStruct = false;
    try {
      while (!this.eat(close)) {
        out.push(this.expr());
        if (!this.eat(",")) {
          this.expect(close);
          break;
        }
      }
    } finally {
      this.noStruct = save;
    }
    return out;
  }
  postfix(e) {
    for (; ; ) {
      const s2 = e.sp.start;
      if (this.is("(")) {
        this.next();
        const args = this.args(")");
        e = { k: "call", callee: e, args, sp: { start: s2, end: this.lastEnd() } };
        continue;
      }
      if (this.is("[")) {
        this.next();
        const save = this.noStruct;
        this.noStruct = false;
        const idx = this.expr();
        this.noStruct = save;
        this.expect("]");
        e = { k: "index", recv: e, idx, sp: { start: s2, end: this.lastEnd() } };
        continue;
      }
      if (this.is("@")) {
        this.next();
        e = { k: "view", e, sp: { start: s2, end: this.lastEnd() } };
        continue;
      }
      if (this.is("?")) this.error("`?` operator is not supported");
      if (this.is("->") && this.peek(1).kind === "ident") {
        this.next();
        const nameTok = this.next();
        e = { k: "method", recv: e, name: "$arrow:" + nameTok.text, generics: [], args: [], sp: { start: s2, end: this.lastEnd() }, nameSp: { start: nameTok.start, end: nameTok.end } };
        continue;
      }
      if (this.peek().kind === "ident" && this.peek().text === "is" && (this.peek(1).kind === "ident" || this.peek(1).kind === "keyword")) {
        this.next();
        const segs = [this.ident()];
        while (this.eat("::")) segs.push(this.ident());
        e = { k: "method", recv: e, name: "$is:" + segs[segs.length - 1], generics: [], args: [], sp: { start: s2, end: this.lastEnd() }, nameSp: { start: s2, end: this.lastEnd() } };
        continue;
      }
      if (this.is(".")) {
        this.next();
        const t = this.peek();
        if (t.kind === "int") {
          this.next();
          e = { k: "field", recv: e, name: t.text, sp: { start: s2, end: this.lastEnd() } };
          continue;
        }
        if (t.kind === "float") {
          this.next();
          const [a, b] = t.text.split(".");
          e = { k: "field", recv: e, name: a, sp: { start: s2, end: t.start + a.length } };
          e = { k: "field", recv: e, name: b, sp: { start: s2, end: this.lastEnd() } };
          continue;
        }
        const nameTok = this.peek();
        const name = this.ident();
        let generics = [];
        if (this.is("::") && this.is("<", 1)) {
          this.next();
          this.next();
          while (!this.eatGt()) {
            generics.push(this.genericArg());
            if (!this.eat(",")) {
              if (!this.eatGt()) this.error("expected `>`");
              break;
            }
          }
        }
        if (this.is("(")) {
          this.next();
          const args = this.args(")");
          e = { k: "method", recv: e, name, generics, args, sp: { start: s2, end: this.lastEnd() }, nameSp: { start: nameTok.start, end: nameTok.end } };
        } else {
          generics = [];
          e = { k: "field", recv: e, name, sp: { start: s2, end: this.lastEnd() } };
        }
        continue;
      }
      return e;
    }
  }
  quantHead() {
    this.expect("|");
    const params = [];
    while (!this.eat("|")) {
      const ps = this.peek().start;
      const name = this.ident();
      let ty = { k: "infer", sp: { start: ps, end: this.lastEnd() } };
      if (this.eat(":")) {
        const save = this.inQuantParams;
        this.inQuantParams = true;
        ty = this.type();
        this.inQuantParams = save;
      }
      params.push({ name, ty, sp: { start: ps, end: this.lastEnd() } });
      if (!this.eat(",")) {
        this.expect("|");
        break;
      }
    }
    const triggers = [];
    const attrs = [];
    let all = false;
    while (this.is("#") && this.is("!", 1) && this.is("[", 2)) {
      const as = this.next().start;
      this.next();
      this.next();
      const w = this.ident();
      if (w === "trigger") {
        const group = [];
        do {
          group.push(this.expr());
        } while (this.eat(",") && !this.is("]"));
        triggers.push(group);
      } else if (w === "all_triggers") {
        all = true;
      } else {
        while (!this.is("]") && this.peek().kind !== "eof") this.next();
      }
      this.expect("]");
      if (w !== "trigger") attrs.push({ name: w, sp: { start: as, end: this.lastEnd() } });
    }
    return { params, triggers, all, ...attrs.length ? { attrs } : {} };
  }
  primary() {
    const t = this.peek();
    const s2 = t.start;
    const sp = () => ({ start: s2, end: this.lastEnd() });
    if (t.kind === "int") {
      this.next();
      const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9_]+)([a-z0-9]*)$/.exec(t.text);
      if (!m) this.error(`bad integer literal ${t.text}`);
      const digits = m[1].replace(/_/g, "");
      const ndigits = digits.length - (/^0[xob]/.test(digits) ? 2 : 0);
      if (ndigits > MAX_INT_LITERAL_DIGITS) this.error(`integer literal is too large: ${ndigits} digits, at most ${MAX_INT_LITERAL_DIGITS} are accepted`, sp());
      let value;
      try {
        value = digits.startsWith("0o") ? BigInt("0o" + digits.slice(2)) : BigInt(digits);
      } catch {
        this.error(`bad integer literal ${t.text}`);
      }
      return { k: "int", value, suffix: m[2] ?? "", sp: sp() };
    }
    if (t.kind === "float" || t.kind === "string" || t.kind === "char") {
      this.next();
      return { k: "unsupported", what: `${t.kind} literal`, sp: sp() };
    }
    if (t.text === "true" || t.text === "false") {
      this.next();
      return { k: "bool", value: t.text === "true", sp: sp() };
    }
    if (t.text === "&&&" || t.text === "|||") {
      const items = [];
      while (this.is(t.text)) {
        this.next();
        items.push(this.exprIff());
      }
      return { k: "bullets", op: t.text === "&&&" ? "&&" : "||", items, sp: sp() };
    }
    if (t.text === "(") {
      this.next();
      if (this.eat(")")) return { k: "tuple", elems: [], sp: sp() };
      const save = this.noStruct;
      this.noStruct = false;
      const first = this.expr();
      if (this.eat(")")) {
        this.noStruct = save;
        return { ...first, sp: first.sp };
      }
      const elems = [first];
      while (this.eat(",")) {
        if (this.is(")")) break;
        elems.push(this.expr());
      }
      this.noStruct = save;
      this.expect(")");
      return { k: "tuple", elems, sp: sp() };
    }
    if (t.text === "[") {
      this.next();
      if (this.eat("]")) return { k: "array", elems: [], sp: sp() };
      const first = this.expr();
      if (this.eat(";")) {
        const len = this.expr();
        this.expect("]");
        return { k: "array-rep", elem: first, len, sp: sp() };
      }
      const elems = [first];
      while (this.eat(",")) {
        if (this.is("]")) break;
        elems.push(this.expr());
      }
      this.expect("]");
      return { k: "array", elems, sp: sp() };
    }
    if (t.text === "{") {
      const save = this.noStruct;
      this.noStruct = false;
      const block = this.block();
      this.noStruct = save;
      return { k: "block", block, sp: sp() };
    }
    if (t.text === "unsafe" && this.is("{", 1)) {
      this.next();
      const block = this.block();
      return { k: "block", block, sp: sp() };
    }
    if (t.text === "if") return this.ifExpr();
    if (t.text === "match") {
      this.next();
      const scrut = this.exprNS();
      this.expect("{");
      const arms = [];
      while (!this.eat("}")) {
        const as = this.peek().start;
        this.innerAttrs("stmt");
        const pat = this.pat();
        let guard = null;
        if (this.eat("if")) guard = this.expr();
        this.expect("=>");
        const body2 = this.expr();
        const isBlock = body2.k === "block" || body2.k === "if" || body2.k === "match";
        arms.push({ pat, guard, body: body2, sp: { start: as, end: this.lastEnd() } });
        if (!this.eat(",") && !isBlock) {
          this.expect("}");
          break;
        }
      }
      return { k: "match", scrut, arms, sp: sp() };
    }
    if (t.text === "while" || t.text === "loop") {
      this.next();
      const cond = t.text === "while" ? this.exprNS() : { k: "bool", value: true, sp: sp() };
      const { inv, invEnsures, dec, unsupportedClause, complex } = this.loopClauses();
      const body2 = this.block();
      if (unsupportedClause) return { k: "unsupported", what: `\`${unsupportedClause.clause}\` clause`, sp: unsupportedClause.sp };
      const more = complex ? { complex } : {};
      if (t.text === "while") return { k: "while", cond, inv, invEnsures, dec, body: body2, sp: sp(), ...more };
      return { k: "loop", inv, invEnsures, dec, body: body2, sp: sp(), ...more };
    }
    if (t.text === "for") return this.forLoop();
    if (t.text === "return") {
      this.next();
      let e = null;
      if (!this.is(";") && !this.is("}") && !this.is(",") && !this.is(")")) e = this.expr();
      return { k: "return", e, sp: sp() };
    }
    if (t.text === "break") {
      this.next();
      if (this.peek().kind === "lifetime") this.error("labelled break is not supported");
      if (!this.is(";") && !this.is("}") && !this.is(",")) this.error("break with a value is not supported");
      return { k: "break", sp: sp() };
    }
    if (t.text === "continue") {
      this.next();
      return { k: "continue", sp: sp() };
    }
    if (t.text === "|" || t.text === "||" || t.text === "move" && (this.is("|", 1) || this.is("||", 1))) return this.closure();
    if (t.kind === "ident" && (t.text === "forall" || t.text === "exists" || t.text === "choose") && this.is("|", 1)) {
      this.next();
      const { params, triggers, attrs, all } = this.quantHead();
      const save = this.noStruct;
      this.noStruct = false;
      const body2 = this.exprIff();
      this.noStruct = save;
      return { k: "quant", q: t.text, params, triggers, ...all ? { allTriggers: true } : {}, body: body2, sp: sp(), ...attrs ? { attrs } : {} };
    }
    if (t.kind === "ident" || t.kind === "keyword" && ["self", "Self", "crate", "super"].includes(t.text) || t.text === "::") {
      this.eat("::");
      const segs = [this.ident()];
      let generics = [];
      let genericsSeg = 0;
      for (; ; ) {
        if (this.is("::") && this.is("<", 1)) {
          this.next();
          this.next();
          generics = [];
          genericsSeg = segs.length - 1;
          while (!this.eatGt()) {
            generics.push(this.genericArg());
            if (!this.eat(",")) {
              if (!this.eatGt()) this.error("expected `>`");
              break;
            }
          }
          continue;
        }
        if (this.is("::")) {
          this.next();
          segs.push(this.ident());
          continue;
        }
        break;
      }
      if (this.is("!") && (this.is("(", 1) || this.is("[", 1) || this.is("{", 1)) && segs.length === 1) {
        this.next();
        const open = this.next().text;
        const close = open === "(" ? ")" : open === "[" ? "]" : "}";
        const name = segs[0];
        if (["seq", "set", "map", "vec", "assert", "assert_eq"].includes(name)) {
          const args = this.args(close);
          return { k: "macro", name, args, sp: sp() };
        }
        this.i--;
        this.skipBalanced();
        return { k: "macro", name, args: [], sp: sp() };
      }
      if (this.is("{") && !this.noStruct && /^[A-Z]/.test(segs[segs.length - 1])) {
        this.next();
        const fields = [];
        let base = null;
        while (!this.eat("}")) {
          if (this.eat("..")) {
            base = this.expr();
            this.expect("}");
            break;
          }
          const fs2 = this.peek().start;
          const fname = this.peek().kind === "int" ? this.next().text : this.ident();
          let fe;
          if (this.eat(":")) fe = this.expr();
          else fe = { k: "path", segs: [fname], generics: [], sp: { start: fs2, end: this.lastEnd() } };
          fields.push({ name: fname, e: fe, sp: { start: fs2, end: this.lastEnd() } });
          if (!this.eat(",")) {
            this.expect("}");
            break;
          }
        }
        return { k: "struct", path: segs, fields, base, sp: sp() };
      }
      return { k: "path", segs, generics, ...generics.length ? { genericsSeg } : {}, sp: sp() };
    }
    this.error(`expected expression, found \`${t.text || "end of file"}\``);
  }
  /** The clauses of a loop (`invariant`, `ensures`, `decreases`, ..) before its body. */
  loopClauses() {
    const inv = [];
    const invEnsures = [];
    const dec = [];
    let unsupportedClause = null;
    let complex;
    for (; ; ) {
      const w = this.peek();
      if (w.kind !== "ident") break;
      const treatment = verusClause(w.text)?.inLoop;
      if (!treatment) break;
      if ((w.text === "invariant_except_break" || treatment === "ensures") && !complex) complex = { start: w.start, end: w.end };
      this.next();
      if (treatment === "invariant") this.clauseList(inv);
      else if (treatment === "ensures") this.clauseList(invEnsures);
      else if (treatment === "decreases") this.clauseList(dec);
      else {
        this.clauseList([]);
        unsupportedClause ??= { clause: w.text, sp: { start: w.start, end: this.lastEnd() } };
      }
    }
    return { inv, invEnsures, dec, unsupportedClause, complex };
  }
  /**
   * `for x in lo..hi invariant I decreases D { body }` (also Verus's `for x in it: lo..hi`), read
   * as Verus's range iterator means it (its ghost iterator's invariant `start <= cur <= end`, `x`
   * in the invariant being the next value `cur`, `end - cur` decreasing):
   *   { let start = lo; let end = hi; let mut x = start;
   *     while x < end invariant start <= x <= end, I decreases D (or end - x)
   *     { let next = x; x = x + 1; let x = next; body } }
   * (`start`, `end`, `next` are names no user code can write). Any other `for` (not over `lo..hi`,
   * a pattern that is not a name, an invariant or body that names the iterator, `ensures` or
   * `invariant_except_break`) is read whole and stands as `unsupported` at its span.
   */
  forLoop() {
    const s2 = this.expect("for").start;
    const pat = this.pat();
    this.expect("in");
    let label = null;
    if (this.peek().kind === "ident" && this.is(":", 1)) {
      label = this.next().text;
      this.next();
    }
    const save = this.noStruct;
    this.noStruct = true;
    let lo;
    let hi = null;
    let inclusive = false;
    try {
      lo = this.exprIff();
      if (this.is("..") || this.is("..=")) {
        inclusive = this.next().text === "..=";
        hi = this.exprIff();
      }
    } finally {
      this.noStruct = save;
    }
    const headEnd = this.lastEnd();
    const { inv, invEnsures, dec, unsupportedClause, complex } = this.loopClauses();
    const body2 = this.block();
    const sp = { start: s2, end: this.lastEnd() };
    const name = pat.k === "bind" && !pat.mut && !pat.ref ? pat.name : pat.k === "wild" ? "$for_item" : null;
    const namesLabel = label !== null && [...inv, ...dec, body2].some((n) => mentionsPath(n, label));
    if (!hi || inclusive || name === null || namesLabel || unsupportedClause || complex || invEnsures.length) return { k: "unsupported", what: "`for` loop", sp };
    const hsp = { start: s2, end: headEnd };
    const path7 = (n) => ({ k: "path", segs: [n], generics: [], sp: hsp });
    const bind = (n, mut = false) => ({ k: "bind", name: n, mut, sp: hsp });
    const letStmt = (n, init, mut = false) => ({ k: "let", pat: bind(n, mut), ghost: false, ty: null, init, sp: hsp });
    const bin = (op, l, r) => ({ k: "binary", op, l, r, sp: hsp });
    const one = { k: "int", value: 1n, suffix: "", sp: hsp };
    const loopBody = {
      stmts: [
        letStmt("$for_next", path7(name)),
        { k: "expr", e: { k: "assign", op: "=", lhs: path7(name), rhs: bin("+", path7(name), one), sp: hsp }, semi: true, sp: hsp },
        { k: "let", pat: pat.k === "bind" ? pat : bind(name), ghost: false, ty: null, init: path7("$for_next"), sp: pat.sp },
        ...body2.stmts
      ],
      sp: body2.sp
    };
    const loop = {
      k: "while",
      cond: bin("<", path7(name), path7("$for_end")),
      inv: [bin("<=", path7("$for_start"), path7(name)), bin("<=", path7(name), path7("$for_end")), ...inv],
      invEnsures: [],
      dec: dec.length ? dec : [bin("-", path7("$for_end"), path7(name))],
      body: loopBody,
      sp
    };
    const stmts = [letStmt("$for_start", lo), letStmt("$for_end", hi), letStmt(name, path7("$for_start"), true), { k: "expr", e: loop, semi: false, sp }];
    return { k: "block", block: { stmts, sp }, sp };
  }
  /**
   * A closure `|x, y: T| e` / `move |x| -> T { .. }` / `|| e`. One whose parameters are plain
   * names, without `move` or a return type, is a `closure` node (spec closures: `Seq::new(n, |i|
   * ..)`, `Set::new(|x| ..)`); any other is read whole and stands as `unsupported` at its span.
   */
  closure() {
    const s2 = this.peek().start;
    let plain = !this.eat("move");
    const params = [];
    if (!this.eat("||")) {
      this.expect("|");
      const save = this.inQuantParams;
      this.inQuantParams = true;
      try {
        while (!this.eat("|")) {
          const ps = this.peek().start;
          const p = this.pat1();
          let ty = { k: "infer", sp: { start: ps, end: this.lastEnd() } };
          if (this.eat(":")) ty = this.type();
          if (p.k === "bind" && !p.mut && !p.ref) params.push({ name: p.name, ty, sp: { start: ps, end: this.lastEnd() } });
          else plain = false;
          if (!this.eat(",")) {
            this.expect("|");
            break;
          }
        }
      } finally {
        this.inQuantParams = save;
      }
    }
    let body2;
    if (this.eat("->")) {
      plain = false;
      this.type();
      const b = this.block();
      body2 = { k: "block", block: b, sp: b.sp };
    } else body2 = this.expr();
    const sp = { start: s2, end: this.lastEnd() };
    if (!plain) return { k: "unsupported", what: "closure", sp };
    return { k: "closure", params, body: body2, sp };
  }
  /** `if c {..} else if c2 {..} .. else {..}`: the `else if` chain read with a loop (any length). */
  ifExpr() {
    const heads = [];
    let els = null;
    for (; ; ) {
      const s2 = this.expect("if").start;
      let pat = null;
      if (this.eat("let")) {
        pat = this.pat();
        this.expect("=");
      }
      const cond = this.exprNS();
      const then = this.block();
      heads.push({ s: s2, cond, pat, then });
      if (!this.eat("else")) break;
      if (this.is("if")) continue;
      const b = this.block();
      els = { k: "block", block: b, sp: b.sp };
      break;
    }
    const end = this.lastEnd();
    for (let i = heads.length - 1; i >= 0; i--) {
      const h = heads[i];
      const sp = { start: h.s, end };
      if (h.pat) {
        const thenE = { k: "block", block: h.then, sp: h.then.sp };
        const other = els ?? { k: "block", block: { stmts: [], sp: { start: end, end } }, sp: { start: end, end } };
        els = {
          k: "match",
          scrut: h.cond,
          sp,
          arms: [
            { pat: h.pat, guard: null, body: thenE, sp: { start: h.s, end: h.then.sp.end } },
            { pat: { k: "wild", sp: { start: h.then.sp.end, end } }, guard: null, body: other, sp: { start: h.then.sp.end, end } }
          ]
        };
      } else els = { k: "if", cond: h.cond, then: h.then, els, sp };
    }
    return els;
  }
};
function mentionsPath(node, name) {
  if (!node || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some((x) => mentionsPath(x, name));
  const o = node;
  if (o.k === "path" && Array.isArray(o.segs) && o.segs[0] === name) return true;
  return Object.keys(o).some((k) => k !== "sp" && mentionsPath(o[k], name));
}
function tyName(t) {
  if (t.k === "path") return t.name;
  if (t.k === "ref") return tyName(t.inner);
  return "?";
}
function matchBrackets(tokens) {
  const OPEN_OF = { ")": "(", "]": "[", "}": "{" };
  const match = new Int32Array(tokens.length).fill(-1);
  const stack = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "punct") return;
    if (t.text === "(" || t.text === "[" || t.text === "{") stack.push(i);
    else if (OPEN_OF[t.text]) {
      const want = OPEN_OF[t.text];
      let k = stack.length - 1;
      while (k >= 0 && tokens[stack[k]].text !== want) k--;
      if (k < 0) return;
      match[stack[k]] = i;
      match[i] = stack[k];
      stack.length = k;
    }
  });
  return match;
}

// toolchain/verifier/check/termination.ts
var WAIVERS = ["exec_allows_no_decreases_clause", "assume_termination"];
function execTerminationWaived(f, opts2) {
  if (f.mode !== "exec") return false;
  if (opts2.execAllowsNoDecreasesClause) return true;
  return WAIVERS.some((name) => hasVerifierAttr(f.attrs, name));
}

// toolchain/verifier/check/signature.ts
function signatureErrors(f) {
  const out = [];
  if (f.unsafeSp && f.mode !== "exec") out.push({ message: "'unsafe' only makes sense on exec-mode functions", sp: f.unsafeSp });
  for (const p of f.params) {
    if (p.isSelf && p.mut) out.push({ message: "The verifier does not yet support the following Rust feature: mut self", sp: p.sp });
    else if (p.mut && f.mode === "spec") out.push({ message: "mut argument not allowed for spec functions", sp: p.sp });
    if (p.unwrap && f.mode === "spec") out.push({ message: `\`${p.unwrap}(${p.name})\` parameter pattern in a spec function`, sp: p.sp });
  }
  f.attrs.forEach((a, i) => {
    const pa = parseAttr(a);
    if (!pa.verifier || pa.name !== "inline") return;
    const sp = f.attrSps?.[i] ?? f.nameSp;
    if (f.mode !== "spec") out.push({ message: "'inline' is only allowed for 'spec' functions", sp });
    else if (!f.body) out.push({ message: "'inline' functions must have a body", sp });
    else if (f.decreases.length) out.push({ message: "'inline' functions cannot be recursive", sp });
    else if (f.vis && f.vis.k !== "private" && !f.open && !f.openVis) out.push({ message: "'inline' is only allowed for private or 'open spec' functions", sp });
  });
  const ret = f.ret?.name;
  if (ret) {
    const clash = f.params.find((p) => p.name === ret);
    if (clash) out.push({ message: `return value name collides with a parameter name: \`${ret}\``, sp: clash.sp });
  }
  return out;
}

// toolchain/verifier/check/recursion.ts
function recursiveFns(g) {
  const succ = (f) => hasExternalBody(f.attrs) ? [] : [...g.calls.get(f) ?? []];
  const out = /* @__PURE__ */ new Set();
  for (const comp of stronglyConnected(g.calls.keys(), succ)) {
    if (comp.length > 1 || succ(comp[0]).includes(comp[0])) for (const f of comp) out.add(f);
  }
  return out;
}
function recursionErrors(g, options) {
  const out = /* @__PURE__ */ new Map();
  const add = (f, err) => out.set(f, [...out.get(f) ?? [], err]);
  const rec = recursiveFns(g);
  for (const f of rec) {
    const needsMeasure = f.mode !== "exec" || !execTerminationWaived(f, options);
    if (needsMeasure && f.body && !hasExternalBody(f.attrs) && !f.decreases.length) add(f, { message: "recursive function must have a decreases clause", sp: f.nameSp });
    else if (hasVerifierAttr(f.attrs, "inline")) add(f, { message: "'inline' functions cannot be recursive", sp: f.nameSp });
  }
  for (const r of g.fuels) {
    if (r.fuel <= 1 || r.target.mode !== "spec") continue;
    if (!r.target.decreases.length) add(r.fn, { message: "reveal_with_fuel statements require a spec function with a decreases clause", sp: r.sp });
    else if (!rec.has(r.target)) add(r.fn, { message: "this function is not recursive (nor mutually recursive), so fuel cannot be set to more than 1", sp: r.sp });
  }
  return out;
}

// toolchain/verifier/check/visibility.ts
function scopeOf(vis, module) {
  if (!vis || vis.k === "private") return module;
  if (vis.k === "pub") return null;
  let out;
  let rest = vis.path;
  if (rest[0] === "crate") {
    out = [];
    rest = rest.slice(1);
  } else out = [...module];
  while (rest[0] === "super" || rest[0] === "self") {
    if (rest[0] === "super") out = out.slice(0, -1);
    rest = rest.slice(1);
  }
  return [...out, ...rest];
}
function within(inner, outer) {
  if (outer === null) return true;
  if (inner === null) return false;
  return outer.every((m, i) => inner[i] === m);
}
function openBodyScope(f) {
  if (f.mode !== "spec" || !f.body) return { scope: void 0 };
  const fnScope = scopeOf(f.vis, f.module);
  if (f.openVis) {
    const scope = scopeOf(f.openVis, f.module);
    if (!within(scope, fnScope)) return { scope: fnScope, error: { message: "the function body is declared 'open' to a wider scope than the function itself", sp: f.openVis.k === "in" ? f.openVis.sp : f.nameSp } };
    return { scope };
  }
  return { scope: f.open ? fnScope : void 0 };
}
var openBody = {
  fn(scope, callee) {
    return within(scope, scopeOf(callee.vis, callee.module)) ? null : "in pub open spec function, cannot refer to private function";
  },
  konst(scope, c) {
    return within(scope, scopeOf(c.vis, c.module)) ? null : "in pub open spec function, cannot refer to private const";
  },
  /** `what`: `constructor` or `field expression` */
  datatype(scope, dt, what) {
    if (!within(scope, scopeOf(dt.vis, dt.module))) return `disallowed: ${what} for a non-visible datatype`;
    if (dt.k === "struct" && dt.fields.some((f) => !within(scope, scopeOf(f.vis, dt.module)))) return `disallowed: ${what} for an opaque datatype`;
    return null;
  }
};

// toolchain/verifier/check/lifetimes.ts
function named(t, selfLts, out = /* @__PURE__ */ new Set()) {
  switch (t.k) {
    case "ref":
      if (t.lifetime && t.lifetime !== "'_") out.add(t.lifetime);
      named(t.inner, selfLts, out);
      break;
    case "path":
      for (const l of t.lifetimes ?? []) if (l !== "'_") out.add(l);
      if (t.name === "Self" && t.segs.length === 1) for (const l of selfLts) out.add(l);
      for (const a of t.args) named(a, selfLts, out);
      break;
    case "array":
    case "slice":
      named(t.elem, selfLts, out);
      break;
    case "tuple":
      for (const e of t.elems) named(e, selfLts, out);
      break;
  }
  return out;
}
function hasInnerLifetimes(t) {
  switch (t.k) {
    case "ref":
      return true;
    case "path":
      return !!t.lifetimes?.length || t.args.some(hasInnerLifetimes);
    case "array":
    case "slice":
      return hasInnerLifetimes(t.elem);
    case "tuple":
      return t.elems.some(hasInnerLifetimes);
    default:
      return false;
  }
}
function plainRefLifetime(t, selfLts, fresh) {
  if (t.k !== "ref" || hasInnerLifetimes(t.inner)) return null;
  if (t.inner.k === "path" && t.inner.name === "Self" && selfLts.length) return null;
  return t.lifetime && t.lifetime !== "'_" ? t.lifetime : fresh();
}
function patNames(p, out) {
  switch (p.k) {
    case "bind":
      out.add(p.name);
      break;
    case "tuple":
      for (const e of p.elems) patNames(e, out);
      break;
    case "or":
      for (const a of p.alts) patNames(a, out);
      break;
    case "variant":
      for (const a of p.args ?? []) patNames(a, out);
      for (const f of p.fields ?? []) patNames(f.pat, out);
      break;
  }
}
function walk(x, onExpr, onPat) {
  if (!x || typeof x !== "object") return;
  if (Array.isArray(x)) {
    for (const y of x) walk(y, onExpr, onPat);
    return;
  }
  const o = x;
  if (o.k === "let" && o.pat) onPat(o.pat);
  if (o.k === "match") for (const a of o.arms) onPat(a.pat);
  if (o.k && "sp" in o && !("stmts" in o)) onExpr(o);
  for (const [k, v] of Object.entries(o)) if (k !== "sp" && k !== "ty" && v && typeof v === "object") walk(v, onExpr, onPat);
}
function checkReturnLifetimes(f, callee) {
  const errors = [];
  const none = { errors, unsupported: null };
  if (!f.ret || !f.body || f.mode === "spec") return none;
  const selfLts = f.selfLifetimes ?? [];
  const retLts = named(f.ret.ty, selfLts);
  if (!retLts.size) return none;
  const unsupported = (what, sp) => ({ errors, unsupported: { message: `not supported: ${what} (lifetimes are checked only for returned parameters, places behind them and calls)`, sp } });
  if (f.lifetimeBounds) return unsupported("a function returning a reference with a named lifetime under lifetime bounds", f.ret.ty.sp);
  let n = 0;
  const fresh = () => `'_#${n++}`;
  const r = plainRefLifetime(f.ret.ty, selfLts, fresh);
  if (r === null || r.startsWith("'_#")) return unsupported(`the return type \`${typeText(f.ret.ty)}\` names a lifetime`, f.ret.ty.sp);
  const params = /* @__PURE__ */ new Map();
  for (const p of f.params) params.set(p.name, plainRefLifetime(p.ty, selfLts, fresh));
  const rebound = /* @__PURE__ */ new Set();
  walk(f.body, () => {
  }, (p) => patNames(p, rebound));
  let gap = null;
  const lts = (e) => {
    switch (e.k) {
      case "path": {
        if (e.segs.length !== 1 || rebound.has(e.segs[0]) || !params.has(e.segs[0])) return null;
        const l = params.get(e.segs[0]);
        return l === null ? null : /* @__PURE__ */ new Set([l]);
      }
      case "unary": {
        if (e.op === "&" || e.op === "&mut") return placeLts(e.e);
        return null;
      }
      case "block":
        return blockLts(e.block);
      case "if": {
        if (!e.els) return null;
        return union(blockLts(e.then), lts(e.els));
      }
      case "match": {
        let acc = /* @__PURE__ */ new Set();
        for (const a of e.arms) acc = union(acc, lts(a.body));
        return e.arms.length ? acc : null;
      }
      case "call": {
        const g = callee(e);
        if (!g || !g.ret || g.lifetimeBounds) return null;
        let m = 0;
        const gFresh = () => `'_#g${m++}`;
        const gSelf = g.selfLifetimes ?? [];
        const q = plainRefLifetime(g.ret.ty, gSelf, gFresh);
        if (q === null || q.startsWith("'_#")) return null;
        if (q === "'static") return /* @__PURE__ */ new Set(["'static"]);
        let acc = /* @__PURE__ */ new Set();
        let constrained = false;
        for (let i = 0; i < g.params.length; i++) {
          const pt = g.params[i].ty;
          if (!named(pt, gSelf).has(q)) continue;
          if (plainRefLifetime(pt, gSelf, gFresh) !== q || !e.args[i]) return null;
          constrained = true;
          acc = union(acc, lts(e.args[i]));
        }
        return constrained ? acc : null;
      }
      default:
        return null;
    }
  };
  const placeLts = (p) => {
    let root2 = p;
    while (root2.k === "field" || root2.k === "index" || root2.k === "unary" && root2.op === "*") root2 = root2.k === "unary" ? root2.e : root2.recv;
    if (root2 === p || root2.k !== "path") return null;
    return lts(root2);
  };
  const blockLts = (b) => {
    const last2 = b.stmts[b.stmts.length - 1];
    if (!last2 || last2.k !== "expr" || last2.semi) return null;
    return lts(last2.e);
  };
  const union = (a, b) => a && b ? /* @__PURE__ */ new Set([...a, ...b]) : null;
  const judge = (e) => {
    const s2 = lts(e);
    if (!s2) {
      gap ??= { message: `not supported: returning a reference with the named lifetime \`${r}\` from this expression (lifetimes are checked only for returned parameters, places behind them and calls)`, sp: e.sp };
      return;
    }
    if ([...s2].some((l) => l !== r && l !== "'static")) errors.push({ message: "lifetime may not live long enough", sp: e.sp });
  };
  walk(f.body, (e) => {
    if (e.k === "return") {
      if (e.e) judge(e.e);
    }
  }, () => {
  });
  const last = f.body.stmts[f.body.stmts.length - 1];
  if (last && last.k === "expr" && !last.semi && !diverges(last.e)) judge(last.e);
  return { errors, unsupported: gap };
}
function diverges(e) {
  return e.k === "return" || e.k === "loop" && !JSON.stringify(e.body, (k, v) => typeof v === "bigint" ? v.toString() : v).includes('"k":"break"');
}
function typeText(t) {
  switch (t.k) {
    case "ref":
      return `&${t.lifetime ? `${t.lifetime} ` : ""}${t.mut ? "mut " : ""}${typeText(t.inner)}`;
    case "path": {
      const args = [...t.lifetimes ?? [], ...t.args.map(typeText)];
      return `${t.segs.join("::")}${args.length ? `<${args.join(", ")}>` : ""}`;
    }
    case "array":
      return `[${typeText(t.elem)}; _]`;
    case "slice":
      return `[${typeText(t.elem)}]`;
    case "tuple":
      return `(${t.elems.map(typeText).join(", ")})`;
    default:
      return "_";
  }
}

// toolchain/verifier/check/types.ts
var C_BOOL = { k: "bool" };
var C_INT = { k: "int", kind: "int" };
var C_NAT = { k: "int", kind: "nat" };
var C_UNIT = { k: "tuple", elems: [] };
var C_ANY = { k: "any" };
function fromTy(t) {
  switch (t.k) {
    case "struct":
    case "enum":
      return { k: t.k, name: t.name, args: t.args.map(fromTy) };
    case "seq":
      return { k: "seq", elem: fromTy(t.elem) };
    case "set":
      return { k: "set", elem: fromTy(t.elem) };
    case "map":
      return { k: "map", key: fromTy(t.key), val: fromTy(t.val) };
    case "array":
      return { k: "array", elem: fromTy(t.elem), len: typeof t.len === "string" ? { k: "param", name: t.len } : { k: "cval", n: BigInt(t.len) } };
    case "tuple":
      return { k: "tuple", elems: t.elems.map(fromTy) };
    default:
      return t;
  }
}
function substCTy(t, env) {
  switch (t.k) {
    case "param":
      return env.get(t.name) ?? t;
    case "struct":
    case "enum":
      return { k: t.k, name: t.name, args: t.args.map((a) => substCTy(a, env)) };
    case "seq":
    case "set":
      return { k: t.k, elem: substCTy(t.elem, env) };
    case "map":
      return { k: "map", key: substCTy(t.key, env), val: substCTy(t.val, env) };
    case "array":
      return { k: "array", elem: substCTy(t.elem, env), len: substCTy(t.len, env) };
    case "tuple":
      return { k: "tuple", elems: t.elems.map((e) => substCTy(e, env)) };
    default:
      return t;
  }
}
var IntVars = class {
  parent = [];
  kind = [];
  ghost = [];
  fresh(ghost2) {
    const id = this.parent.length;
    this.parent.push(id);
    this.kind.push(null);
    this.ghost.push(ghost2);
    return { k: "ivar", id };
  }
  find(id) {
    while (this.parent[id] !== id) {
      this.parent[id] = this.parent[this.parent[id]];
      id = this.parent[id];
    }
    return id;
  }
  kindOf(id) {
    return this.kind[this.find(id)];
  }
  /** Fixes a variable's kind; false when it already has another. */
  fix(id, k) {
    const r = this.find(id);
    const cur = this.kind[r];
    if (cur === null || cur === void 0) {
      this.kind[r] = k;
      return true;
    }
    return cur === k;
  }
  /** Merges two variables; false when their kinds disagree. */
  union(a, b) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ka = this.kind[ra];
    const kb = this.kind[rb];
    if (ka !== null && kb !== null && ka !== kb) return false;
    this.parent[rb] = ra;
    this.kind[ra] = ka ?? kb;
    this.ghost[ra] = this.ghost[ra] && this.ghost[rb];
    return true;
  }
  // ---- type variables (binders without annotation): bound once, by the first type they meet
  tvals = [];
  freshType() {
    this.tvals.push(null);
    return { k: "tvar", id: this.tvals.length - 1 };
  }
  typeOf(id) {
    return this.tvals[id] ?? null;
  }
  /** Binds an unbound type variable (false when `t` contains it: an infinite type). */
  bindType(id, t) {
    if (occurs(id, t, this)) return false;
    this.tvals[id] = t;
    return true;
  }
  /** The kind a variable ends with: fixed, or the default of where it was written. */
  resolved(id) {
    const r = this.find(id);
    return this.kind[r] ?? (this.ghost[r] ? "int" : "i32");
  }
};
function occurs(id, t, vars) {
  t = shallow(t, vars);
  switch (t.k) {
    case "tvar":
      return t.id === id;
    case "enum":
    case "struct":
      return t.args.some((x) => occurs(id, x, vars));
    case "seq":
    case "set":
      return occurs(id, t.elem, vars);
    case "array":
      return occurs(id, t.elem, vars) || occurs(id, t.len, vars);
    case "map":
      return occurs(id, t.key, vars) || occurs(id, t.val, vars);
    case "tuple":
      return t.elems.some((x) => occurs(id, x, vars));
    default:
      return false;
  }
}
function shallow(t, vars) {
  if (t.k === "tvar") {
    const b = vars.typeOf(t.id);
    return b ? shallow(b, vars) : t;
  }
  if (t.k === "ivar") {
    const k = vars.kindOf(t.id);
    return k ? { k: "int", kind: k } : t;
  }
  return t;
}
function cTyStr(t, vars) {
  const s2 = (x) => cTyStr(x, vars);
  switch (t.k) {
    case "ivar": {
      const k = vars.kindOf(t.id);
      return k ?? "{integer}";
    }
    case "any":
      return "_";
    case "tvar": {
      const b = vars.typeOf(t.id);
      return b ? s2(b) : "_";
    }
    case "enum":
    case "struct":
      return t.args.length ? `${t.name}<${t.args.map(s2).join(", ")}>` : t.name;
    case "param":
      return t.name;
    case "cval":
      return String(t.n);
    case "seq":
      return `Seq<${s2(t.elem)}>`;
    case "set":
      return `Set<${s2(t.elem)}>`;
    case "map":
      return `Map<${s2(t.key)}, ${s2(t.val)}>`;
    case "array":
      return `[${s2(t.elem)}; ${s2(t.len)}]`;
    case "tuple":
      return `(${t.elems.map(s2).join(", ")}${t.elems.length === 1 ? "," : ""})`;
    default:
      return tyStr(t);
  }
}
function toTy(t, vars) {
  const all = (xs) => {
    const out = [];
    for (const x of xs) {
      const y = toTy(x, vars);
      if (!y) return null;
      out.push(y);
    }
    return out;
  };
  switch (t.k) {
    case "ivar":
      return { k: "int", kind: vars.resolved(t.id) };
    case "any":
      return null;
    case "tvar": {
      const b = vars.typeOf(t.id);
      return b ? toTy(b, vars) : null;
    }
    case "enum":
    case "struct": {
      const a = all(t.args);
      return a && { k: t.k, name: t.name, args: a };
    }
    case "seq":
    case "set": {
      const e = toTy(t.elem, vars);
      return e && { k: t.k, elem: e };
    }
    case "map": {
      const a = all([t.key, t.val]);
      return a && { k: "map", key: a[0], val: a[1] };
    }
    case "array": {
      const e = toTy(t.elem, vars);
      const n = toTy(t.len, vars);
      const len = n?.k === "cval" ? Number(n.n) : n?.k === "param" ? n.name : null;
      return e && len !== null ? { k: "array", elem: e, len } : null;
    }
    case "tuple": {
      const a = all(t.elems);
      return a && { k: "tuple", elems: a };
    }
    default:
      return t;
  }
}
function isIntLike(t) {
  return t.k === "int" || t.k === "ivar";
}

// toolchain/verifier/check/when-used-as-spec.ts
function whenUsedAsSpecAttr(f) {
  for (let i = 0; i < f.attrs.length; i++) {
    const a = parseAttr(f.attrs[i]);
    if (!a.verifier || a.name !== "when_used_as_spec") continue;
    const m = /when_used_as_spec\(([^()]*)\)/.exec(a.text);
    const arg = m?.[1] ?? "";
    const name = /^(?:Self::)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(arg)?.[1] ?? null;
    return { name, sp: f.attrSps?.[i] ?? f.nameSp };
  }
  return null;
}
function visRank(v) {
  if (!v || v.k === "private") return 0;
  return v.k === "pub" ? 2 : 1;
}
function atLeastAsVisible(g, f) {
  const rg = visRank(g.vis);
  const rf = visRank(f.vis);
  if (rg !== rf) return rg > rf;
  if (g.vis?.k === "in" && f.vis?.k === "in") {
    const gp = g.vis.path;
    const fp = f.vis.path;
    return gp.length <= fp.length && gp.every((s2, i) => s2 === fp[i]);
  }
  return true;
}
function checkWhenUsedAsSpec(crate, f, tyKey2) {
  const at = whenUsedAsSpecAttr(f);
  if (!at) return null;
  const fail = (message) => ({ target: null, errors: [{ message, sp: at.sp }] });
  if (f.attrs.some((a) => {
    const p = parseAttr(a);
    return p.verifier && p.name === "allow_in_spec";
  })) return fail("a function cannot be marked both 'when_used_as_spec' and 'allow_in_spec'");
  if (at.name === null) return fail("cannot find function referred to in when_used_as_spec");
  const qname = f.selfType ? `${f.selfType}::${at.name}` : at.name;
  const found = crate.fns.get(qname) ?? [];
  if (found.length === 0) return fail("cannot find function referred to in when_used_as_spec");
  if (found.length > 1) return fail(`ambiguous name \`${qname}\` referred to in when_used_as_spec: defined ${found.length} times`);
  const info = found[0];
  const g = info.item;
  if (f.mode !== "exec" || g.mode !== "spec") return fail("when_used_as_spec must point from an exec function to a spec function");
  if (f.generics.length !== g.generics.length) return fail("when_used_as_spec function should have the same type bounds");
  if (f.params.some((p) => p.ty.k === "ref" && p.ty.mut)) return fail("when_used_as_spec not supported for function with &mut param");
  if (f.generics.join(",") !== g.generics.join(",")) return fail("when_used_as_spec function should have the same type bounds");
  {
    const same = (a, b) => {
      const x = tyKey2(a, f);
      const y = tyKey2(b, g);
      return x !== null && x === y;
    };
    if (f.params.length !== g.params.length || f.params.some((p, i) => p.isSelf !== g.params[i].isSelf || !same(p.ty, g.params[i].ty))) {
      return fail("when_used_as_spec function should have the same parameters");
    }
    const unit2 = { k: "tuple", elems: [], sp: f.nameSp };
    if (!same(f.ret?.ty ?? unit2, g.ret?.ty ?? unit2)) return fail("when_used_as_spec function should have the same return types");
  }
  if (!atLeastAsVisible(g, f)) return fail("when_used_as_spec refers to function which is more private");
  return { target: info, errors: [] };
}

// toolchain/verifier/check/broadcast.ts
function qualified(segs, selfType) {
  const last = segs[segs.length - 1];
  if (segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2])) {
    const t = segs[segs.length - 2] === "Self" ? selfType : segs[segs.length - 2];
    return `${t}::${last}`;
  }
  return last;
}
function broadcastTargets(crate, names, selfType) {
  const out = { lemmas: [], errors: [], unsupported: null };
  const seenGroups = /* @__PURE__ */ new Set();
  const add = (n, self) => {
    const display = n.segs.join("::");
    const q = qualified(n.segs, self);
    let fn;
    try {
      fn = crate.fn(q, n.sp);
    } catch (e) {
      out.errors.push({ message: e.message, sp: n.sp });
      return;
    }
    if (fn) {
      if (!fn.item.broadcast) out.errors.push({ message: `${display} is not a broadcast proof fn`, sp: n.sp });
      else if (!out.lemmas.includes(fn)) out.lemmas.push(fn);
      return;
    }
    const groups = crate.broadcastGroups.get(q);
    if (groups && groups.length > 1) {
      out.errors.push({ message: `ambiguous name \`${q}\`: defined ${groups.length} times`, sp: n.sp });
      return;
    }
    if (groups) {
      const g = groups[0].item;
      if (seenGroups.has(q)) return;
      seenGroups.add(q);
      for (const m of g.members) add(m, g.selfType);
      return;
    }
    if (n.segs[0] === "vstd") {
      out.unsupported ??= { message: `\`broadcast use\` of vstd's \`${display}\` (vstd's lemmas are not modelled)`, sp: n.sp };
      return;
    }
    out.errors.push({ message: `cannot find broadcast proof fn or group \`${display}\``, sp: n.sp });
  };
  for (const n of names) add(n, selfType);
  return out;
}
function moduleKey(file, module) {
  return `${file}\0${module.join("::")}`;
}
function moduleBroadcastUses(files2) {
  const out = /* @__PURE__ */ new Map();
  for (const f of files2) {
    for (const it of f.items) {
      if (it.k !== "broadcast-use") continue;
      const k = moduleKey(f.path, it.module);
      const prev = out.get(k);
      if (prev) prev.extra.push(it);
      else out.set(k, { item: it, file: f.path, extra: [] });
    }
  }
  return out;
}
function moduleUseOf(uses, file, fn) {
  return uses.get(moduleKey(file, fn.module));
}
function broadcastCycleErrors(calls, uses) {
  const succ = (f) => hasExternalBody(f.attrs) ? [] : [...calls.get(f) ?? [], ...(uses.get(f) ?? []).map((u) => u.lemma)];
  const nodes = /* @__PURE__ */ new Set([...calls.keys(), ...uses.keys()]);
  const comp = /* @__PURE__ */ new Map();
  stronglyConnected(nodes, succ).forEach((c, i) => c.forEach((f) => comp.set(f, i)));
  const out = /* @__PURE__ */ new Map();
  for (const [f, us] of uses) {
    if (hasExternalBody(f.attrs)) continue;
    for (const u of us) {
      if (u.lemma === f || comp.has(u.lemma) && comp.get(u.lemma) === comp.get(f)) {
        out.set(f, [...out.get(f) ?? [], { message: "cannot recursively use a broadcast proof fn", sp: u.sp }]);
      }
    }
  }
  return out;
}

// toolchain/verifier/library/load.ts
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
import path3 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var LIBRARY_PREFIX = "<vstd>/";
function isLibraryFile(file) {
  return file.startsWith(LIBRARY_PREFIX);
}
function usesLibrary(files2) {
  for (const [file, text] of files2) if (!isLibraryFile(file) && /\bvstd\s*::/.test(text)) return true;
  return false;
}
var CLASHING_MODULES = ["raw_ptr", "cell"];
function clashingModuleUse(files2) {
  const re = new RegExp(`\\bvstd\\s*::\\s*(${CLASHING_MODULES.join("|")})\\b`);
  for (const [file, text] of [...files2].sort((a, b) => a[0] < b[0] ? -1 : 1)) {
    if (isLibraryFile(file)) continue;
    const m = re.exec(text);
    if (m) return { file, module: m[1], offset: m.index };
  }
  return null;
}
function libraryDir() {
  const here = path3.dirname(fileURLToPath2(import.meta.url));
  return path3.basename(here) === "library" ? path3.join(here, "vstd") : path3.join(here, "library", "vstd");
}
var memo = null;
function libraryFiles() {
  if (memo) return memo;
  const dir = libraryDir();
  const out = /* @__PURE__ */ new Map();
  for (const name of readdirSync(dir).sort()) if (name.endsWith(".rs")) out.set(LIBRARY_PREFIX + name, readFileSync3(path3.join(dir, name), "utf8"));
  memo = out;
  return out;
}

// toolchain/verifier/check/generic-params.ts
function unsupportedGenerics(f) {
  for (const p of f.genericParams ?? []) {
    if (p.kind === "const" && (p.constTy?.k !== "path" || p.constTy.name !== "usize")) return { message: `const generic parameter \`${p.name}\` of a type other than \`usize\``, sp: p.sp };
    for (const b of p.bounds) {
      if (b.name === "?") return { message: `generic parameter \`${p.name}\`: a bound or default this verifier does not read`, sp: b.sp };
      if (b.maybe && b.name === "Sized" && !b.hasArgs) continue;
      if (b.maybe || b.hasArgs || !MARKER_TRAITS.has(b.name)) return { message: `trait bound \`${p.name}: ${b.maybe ? "?" : ""}${b.name}\` (traits are not supported; only marker bounds such as \`Copy\`)`, sp: b.sp };
    }
  }
  const other = f.otherBounds?.[0];
  if (other) return { message: "`where` clause bound on something other than a generic parameter", sp: other.sp };
  const paramTypes = f.params.map((p) => isWrappedMutRef(p) && p.ty.k === "path" ? p.ty.args[0] : p.ty);
  for (const t of [...paramTypes, ...f.ret ? [f.ret.ty] : []]) {
    const sp = mutRefArgument(t);
    if (sp) return { message: MUT_REF_ARGUMENT, sp };
  }
  return null;
}
var MUT_REF_ARGUMENT = "not supported: a `&mut` reference as a generic argument (`Option<&mut T>`, `S<&mut T>`): mutation through it would not reach the borrowed place";
function mutRefArgument(t, inArgs = false) {
  switch (t.k) {
    case "ref":
      return inArgs && t.mut ? t.sp : mutRefArgument(t.inner, inArgs);
    case "path": {
      for (const a of t.args) {
        const sp = mutRefArgument(a, true);
        if (sp) return sp;
      }
      return null;
    }
    case "array":
    case "slice":
      return mutRefArgument(t.elem, inArgs);
    case "tuple": {
      for (const e of t.elems) {
        const sp = mutRefArgument(e, true);
        if (sp) return sp;
      }
      return null;
    }
    default:
      return null;
  }
}

// toolchain/verifier/check/copy.ts
function movesParam(t, vars, fn) {
  const s2 = shallow(t, vars);
  switch (s2.k) {
    case "param":
      return !fn?.genericParams?.some((p) => p.name === s2.name && p.bounds.some((b) => b.name === "Copy" && !b.maybe));
    case "struct":
    case "enum":
      return s2.args.some((a) => movesParam(a, vars, fn));
    case "tuple":
      return s2.elems.some((a) => movesParam(a, vars, fn));
    case "array":
      return movesParam(s2.elem, vars, fn);
    default:
      return false;
  }
}
function movesValue(t, vars, fn, crate) {
  const s2 = shallow(t, vars);
  switch (s2.k) {
    case "param":
      return movesParam(s2, vars, fn);
    case "struct":
    case "enum": {
      const def = s2.k === "struct" ? crate.structs.get(s2.name)?.[0] : crate.enums.get(s2.name)?.[0];
      if (def && isLibraryFile(def.file)) return !derivesCopy(def.item);
      if (def && holdsLinear(def.item, crate, /* @__PURE__ */ new Set())) return true;
      return s2.args.some((a) => movesValue(a, vars, fn, crate));
    }
    case "tuple":
      return s2.elems.some((a) => movesValue(a, vars, fn, crate));
    case "array":
      return movesValue(s2.elem, vars, fn, crate);
    default:
      return false;
  }
}
function derivesCopy(item) {
  return (item.attrs ?? []).some((a) => /^derive\(.*\bCopy\b.*\)$/.test(a.replace(/\s/g, "")));
}
function holdsLinear(item, crate, seen) {
  if (seen.has(item.name)) return false;
  seen.add(item.name);
  const fieldTys = item.k === "struct" ? item.fields.map((f) => f.ty) : item.variants.flatMap((v) => v.fields.map((f) => f.ty));
  const linear = (t) => {
    switch (t.k) {
      case "tuple":
        return t.elems.some(linear);
      case "array":
        return linear(t.elem);
      case "path": {
        if (["Seq", "Set", "Map", "Ghost"].includes(t.name)) return false;
        const def = crate.structs.get(t.name)?.[0] ?? crate.enums.get(t.name)?.[0];
        if (def && isLibraryFile(def.file)) return !derivesCopy(def.item);
        if (def && holdsLinear(def.item, crate, seen)) return true;
        return t.args.some(linear);
      }
      default:
        return false;
    }
  };
  return fieldTys.some(linear);
}
function isCopy(t, vars, fn, crate) {
  const s2 = shallow(t, vars);
  const copy = (x) => isCopy(x, vars, fn, crate);
  switch (s2.k) {
    case "param":
      return !movesParam(s2, vars, fn);
    case "struct":
    case "enum": {
      if (!s2.args.every(copy)) return false;
      if (s2.k === "enum" && s2.name === "Option") return true;
      const item = s2.k === "struct" ? crate.structs.get(s2.name)?.[0]?.item : crate.enums.get(s2.name)?.[0]?.item;
      return !item || (item.attrs ?? []).some((a) => /^derive\(.*\bCopy\b.*\)$/.test(a.replace(/\s/g, "")));
    }
    case "tuple":
      return s2.elems.every(copy);
    case "array":
      return copy(s2.elem);
    default:
      return true;
  }
}
function holdsParam(t, vars) {
  const s2 = shallow(t, vars);
  const holds = (x) => holdsParam(x, vars);
  switch (s2.k) {
    case "param":
      return true;
    case "struct":
    case "enum":
      return s2.args.some(holds);
    case "tuple":
      return s2.elems.some(holds);
    case "array":
    case "seq":
    case "set":
      return holds(s2.elem);
    case "map":
      return holds(s2.key) || holds(s2.val);
    default:
      return false;
  }
}

// toolchain/verifier/check/checker.ts
var BUILTIN_TYPE_NAMES = /* @__PURE__ */ new Set(["Option", "Seq", "Set", "Map", "Ghost", "Tracked", "Box", "int", "nat", "bool"]);
var ghost = (c) => c !== "exec";
var CheckFailed = class extends Error {
};
function erasedWrapper(t) {
  if (t.k === "ref") return true;
  if (t.k === "path") return ["Box", "Ghost", "Tracked"].includes(t.name) || t.args.some(erasedWrapper);
  if (t.k === "array" || t.k === "slice") return erasedWrapper(t.elem);
  if (t.k === "tuple") return t.elems.some(erasedWrapper);
  return false;
}
function ghostWrapper(t) {
  if (!t) return null;
  if (t.k === "ref") return ghostWrapper(t.inner);
  if (t.k === "path" && t.name === "Ghost") return "spec";
  if (t.k === "path" && t.name === "Tracked") return "proof";
  return null;
}
function qualifiedName(segs, selfType) {
  const last = segs[segs.length - 1];
  if (segs.length >= 2 && /^[A-Z]/.test(segs[segs.length - 2])) {
    const t = segs[segs.length - 2] === "Self" ? selfType : segs[segs.length - 2];
    return `${t}::${last}`;
  }
  return last;
}
var COMPARISONS = /* @__PURE__ */ new Set(["==", "!=", "<", "<=", ">", ">="]);
var BIT_OPS = /* @__PURE__ */ new Set(["&", "|", "^"]);
function checkCrate(crate, options = {}) {
  return new Checker(crate, options).run();
}
var Checker = class {
  constructor(crate, options) {
    this.crate = crate;
    this.options = options;
  }
  crate;
  options;
  vars = new IntVars();
  types = /* @__PURE__ */ new Map();
  /** every literal with the value its type must hold (negated under a unary minus) */
  literals = [];
  errors = [];
  bindings = /* @__PURE__ */ new Map();
  out = { exprTypes: /* @__PURE__ */ new Map(), bindingTypes: /* @__PURE__ */ new Map(), binderTypes: /* @__PURE__ */ new Map(), fnErrors: /* @__PURE__ */ new Map(), constErrors: /* @__PURE__ */ new Map(), typeErrors: /* @__PURE__ */ new Map(), shadowedBuiltins: [], fnUnsupported: /* @__PURE__ */ new Map(), specCalls: /* @__PURE__ */ new Map(), broadcastUses: /* @__PURE__ */ new Map(), moduleBroadcasts: /* @__PURE__ */ new Map(), callTypeArgs: /* @__PURE__ */ new Map() };
  run() {
    for (const f of this.crate.files) if (isLibraryFile(f.path)) {
      for (const it of f.items) if (it.k === "fn") this.libraryFns.add(it);
    }
    for (const f of this.crate.files) {
      for (const it of f.items) if ((it.k === "struct" || it.k === "enum" || it.k === "type") && BUILTIN_TYPE_NAMES.has(it.name)) this.out.shadowedBuiltins.push({ name: it.name, file: f.path, sp: it.sp });
    }
    this.checkWellFounded();
    const perFn = [];
    const moduleUses = moduleBroadcastUses(this.crate.files);
    const moduleTargets = new Map([...moduleUses.values()].map((u) => [u.item, broadcastTargets(this.crate, u.item.names, null)]));
    for (const f of this.crate.files) {
      for (const it of f.items) {
        if (it.k === "const") {
          this.currentConst = it;
          this.out.constErrors.set(it, this.guard(() => this.checkConst(it)));
          this.currentConst = null;
        }
        if (it.k === "fn") {
          const errors = this.guard(() => this.checkFn(it), it);
          const mu = moduleUseOf(moduleUses, f.path, it);
          if (mu) {
            const tg = moduleTargets.get(mu.item);
            errors.push(...tg.errors);
            for (const extra of mu.extra) errors.push({ message: "only one module-level `broadcast use` allowed for each module", sp: extra.sp });
            if (tg.unsupported && !this.out.fnUnsupported.has(it)) this.out.fnUnsupported.set(it, tg.unsupported);
            this.out.moduleBroadcasts.set(it, tg.lemmas.map((lemma) => ({ lemma, sp: mu.item.sp })));
            for (const lemma of tg.lemmas) this.useLemma(it, lemma.item, mu.item.sp);
          }
          const lt = checkReturnLifetimes(it, (e) => this.calleeItem(e, it));
          errors.push(...lt.errors);
          if (lt.unsupported) this.out.fnUnsupported.set(it, lt.unsupported);
          perFn.push({ fn: it, errors });
        }
      }
    }
    const opaque = new Set(this.opaqueVars.map((id) => this.vars.find(id)));
    for (const lit of this.literals) {
      const t = shallow(this.types.get(lit.e) ?? C_ANY, this.vars);
      const kind = t.k === "int" ? t.kind : t.k === "ivar" ? this.vars.resolved(t.id) : null;
      if (t.k === "ivar" && opaque.has(this.vars.find(t.id))) continue;
      const report = (err) => {
        const entry = lit.fn ? perFn.find((p) => p.fn === lit.fn) : null;
        if (entry) entry.errors.push(err);
        else if (lit.konst) {
          const errs = this.out.constErrors.get(lit.konst) ?? [];
          errs.push(err);
          this.out.constErrors.set(lit.konst, errs);
        }
      };
      if (lit.exec && kind && !isMachine(kind) && lit.e.k === "int" && !lit.e.suffix) report({ message: `mismatched types: expected \`${kind}\`, found integer (\`${kind}\` values exist only in ghost code)`, sp: lit.e.sp });
      if (kind === "nat" && lit.value < 0n) report({ message: "mismatched types: expected `nat`, found `int`", sp: lit.e.sp });
      if (!kind || !isMachine(kind)) continue;
      const r = intRange(kind);
      if (lit.value < r.min || lit.value > r.max) report({ message: `literal out of range for \`${kind}\`: \`${lit.value}\` does not fit into the type \`${kind}\` whose range is \`${r.min}..=${r.max}\``, sp: lit.e.sp });
    }
    for (const u of this.constUses) {
      if (this.out.constErrors.get(u.konst)?.length) perFn.find((p) => p.fn === u.fn)?.errors.push({ message: `uses the constant \`${u.konst.name}\`, which has errors`, sp: u.sp });
    }
    for (const [fn, errs] of recursionErrors(this.graph, this.options)) perFn.find((p) => p.fn === fn)?.errors.push(...errs);
    for (const [fn, errs] of broadcastCycleErrors(this.graph.calls, this.lemmaUses)) perFn.find((p) => p.fn === fn)?.errors.push(...errs);
    for (const p of perFn) if (p.errors.length) this.out.fnErrors.set(p.fn, p.errors);
    for (const [e, t] of this.types) {
      const ty = toTy(t, this.vars);
      if (ty) this.out.exprTypes.set(e, ty);
    }
    for (const [p, t] of this.bindings) {
      const ty = toTy(t, this.vars);
      if (ty) this.out.bindingTypes.set(p, ty);
    }
    for (const [p, t] of this.binders) {
      const ty = toTy(t, this.vars);
      if (ty) this.out.binderTypes.set(p, ty);
    }
    return this.out;
  }
  currentFn = null;
  /** The functions of the standard library (library/load.ts), which see its private fields. */
  libraryFns = /* @__PURE__ */ new Set();
  /** while checking the body of an open spec fn: where that body is visible (check/visibility.ts) */
  openScope = void 0;
  openBodyError(message, sp) {
    if (message) this.error(message, sp);
  }
  /** calls and `reveal_with_fuel`s of every function checked (check/recursion.ts) */
  graph = { calls: /* @__PURE__ */ new Map(), fuels: [] };
  /** while checking a trusted (`external_body`) body: what it holds does not make its function unsupported */
  trustedBody = false;
  /**
   * The function being checked uses a construct that is read but not modelled: it is `unsupported`
   * there (the first one), and its check stops (what follows could not be judged either).
   */
  unsupportedHere(message, sp) {
    if (this.currentFn && !this.trustedBody && !this.out.fnUnsupported.has(this.currentFn)) this.out.fnUnsupported.set(this.currentFn, { message, sp });
    throw new CheckFailed();
  }
  /** the broadcast lemmas each function uses, in its body or through its module (check/broadcast.ts) */
  lemmaUses = /* @__PURE__ */ new Map();
  useLemma(fn, lemma, sp) {
    this.lemmaUses.set(fn, [...this.lemmaUses.get(fn) ?? [], { lemma, sp }]);
  }
  /** every read of a constant inside a function (a constant with errors taints its readers) */
  constUses = [];
  /** every binder's (working) type, and those of the item being checked */
  binders = /* @__PURE__ */ new Map();
  itemBinders = [];
  /** A binder's type: its annotation, or a type variable its uses fix (`forall|i| f(i)`). */
  binderType(p, ctx) {
    const t = p.ty.k === "infer" ? this.vars.freshType() : this.resolve(p.ty, ctx.fn ?? null);
    this.binders.set(p, t);
    this.itemBinders.push(p);
    return t;
  }
  currentConst = null;
  /** the `let x;` variables of the function being checked (definite initialization, as rustc) */
  cells = [];
  /** Places moved out of on some path to the current point (rustc's move check, see `useOfPlace`). */
  moved = [];
  /** How the parent uses the place expression inferred next: by value, borrowed, as the base of a longer place, or written. */
  placeUse = "value";
  snap() {
    return { cells: this.cells.map((c) => c.assigned), moved: [...this.moved] };
  }
  /**
   * After branches: assigned where every branch that goes on assigned it (null: diverges); moved
   * where some branch that goes on moved it (rustc: a value maybe moved cannot be used).
   */
  join(before, branches) {
    const live = branches.filter((b) => b !== null);
    before.cells.forEach((_, i) => this.cells[i].assigned = live.length ? live.every((b) => b.cells[i]) : true);
    this.moved = [...before.moved];
    for (const b of live) for (const m of b.moved) if (!this.moved.includes(m)) this.moved.push(m);
  }
  restore(before) {
    before.cells.forEach((v, i) => this.cells[i].assigned = v);
    this.moved = [...before.moved];
  }
  /** Runs one item's check; a resolver error ends that item's check as its error. */
  guard(f, fn = null) {
    this.errors = [];
    this.cells = [];
    this.currentFn = fn;
    this.itemBinders = [];
    this.pendingGeneric = [];
    this.moved = [];
    this.placeUse = "value";
    try {
      f();
      for (const p of this.itemBinders) if (shallow(this.binders.get(p), this.vars).k === "tvar") this.error(`type annotations needed: cannot infer the type of \`${p.name}\``, p.sp);
      this.resolveGenericArgs();
    } catch (e) {
      if (e instanceof UnsupportedType && fn) {
        if (!this.out.fnUnsupported.has(fn)) this.out.fnUnsupported.set(fn, { message: `unsupported: ${e.message}`, sp: e.sp });
      } else if (e instanceof ResolveError) this.errors.push({ message: e.message, sp: e.sp });
      else if (!(e instanceof CheckFailed)) throw e;
    }
    return this.errors;
  }
  error(message, sp) {
    this.errors.push({ message, sp });
  }
  // -------------------------------------------------------------------------------------------
  // Items
  /**
   * Every datatype needs a variant that can be built without a value of the type itself (Verus:
   * "datatype must have at least one non-recursive variant"); otherwise its SMT declaration is
   * not well founded. Computed as a least fixpoint over the crate's types.
   */
  checkWellFounded() {
    const all = [];
    for (const f of this.crate.files) for (const it of f.items) if (it.k === "struct" || it.k === "enum") all.push(it);
    const items = all.filter((it) => !it.generics.length);
    const founded = /* @__PURE__ */ new Set();
    const ok = (t) => {
      switch (t.k) {
        case "struct":
          return founded.has(t.name);
        case "enum":
          return t.name === "Option" || founded.has(t.name);
        case "tuple":
          return t.elems.every(ok);
        // integers, bool, Seq/Set/Map (which can be empty) and arrays (a container, as in Verus)
        default:
          return true;
      }
    };
    const fieldTypes = (it) => {
      try {
        if (it.k === "struct") return [it.fields.map((f) => this.crate.resolveType(f.ty, it))];
        return it.variants.map((v) => v.fields.map((f) => this.crate.resolveType(f.ty, it)));
      } catch {
        return null;
      }
    };
    const variants = new Map(items.map((it) => [it, fieldTypes(it)]));
    const params = new Map(all.map((it) => [it, this.typeParamAttrs(it)]));
    const okSyntax = (it, t) => {
      switch (t.k) {
        case "array":
          return true;
        case "tuple":
          return t.elems.every((x) => okSyntax(it, x));
        case "ref":
          return okSyntax(it, t.inner);
        case "slice":
          return true;
        case "path":
          if (it.generics.includes(t.name)) return !params.get(it).accept.has(t.name);
          if (t.name === "Box" || t.name === "Ghost" || t.name === "Tracked") return t.args.every((x) => okSyntax(it, x));
          return !all.some((x) => x.name === t.name) || founded.has(t.name);
        default:
          return true;
      }
    };
    const generic = all.filter((it) => it.generics.length);
    for (const it of all) if (hasExternalBody(it.attrs)) founded.add(it.name);
    const syntaxVariants = (it) => it.k === "struct" ? [it.fields.map((f) => f.ty)] : it.variants.map((v) => v.fields.map((f) => f.ty));
    for (let changed = true; changed; ) {
      changed = false;
      for (const it of items) {
        if (founded.has(it.name)) continue;
        const vs = variants.get(it);
        if (!vs || vs.some((fields) => fields.every(ok))) {
          founded.add(it.name);
          changed = true;
        }
      }
      for (const it of generic) {
        if (founded.has(it.name) || hasExternalBody(it.attrs)) continue;
        if (syntaxVariants(it).some((fields) => fields.every((t) => okSyntax(it, t)))) {
          founded.add(it.name);
          changed = true;
        }
      }
    }
    const addError = (it, message) => {
      const errs = this.out.typeErrors.get(it) ?? [];
      errs.push({ message, sp: it.sp });
      this.out.typeErrors.set(it, errs);
    };
    for (const it of all) {
      if (hasExternalBody(it.attrs)) continue;
      if (!founded.has(it.name)) addError(it, `datatype \`${it.name}\` must have at least one non-recursive variant (every value of it would contain another one)`);
    }
    this.checkPositivity(all, params, syntaxVariants, addError);
    for (const it of all) {
      if (it.attrs?.some((a) => a.includes("external"))) continue;
      if (syntaxVariants(it).some((fields) => fields.some((t) => t.k === "ref" && t.mut))) addError(it, `not supported: a \`&mut\` field in \`${it.name}\` (mutation through it would not reach the borrowed place)`);
    }
    const derives = (it, what) => (it.attrs ?? []).some((a) => /^derive\(/.test(a) && a.slice(7, -1).split(",").includes(what));
    const byName = new Map(all.map((it) => [it.name, it]));
    for (const it of all) {
      if (!derives(it, "Structural")) continue;
      for (const fields of syntaxVariants(it)) {
        for (const f of fields) {
          const other = f.k === "path" ? byName.get(f.name) : void 0;
          if (other && !derives(other, "Structural")) addError(it, `the trait bound \`${other.name}: Structural\` is not satisfied (field of \`${it.name}\`, which derives Structural)`);
        }
      }
    }
  }
  /** The `accept_recursive_types` / `reject_recursive_types` attributes of a datatype's type parameters. */
  typeParamAttrs(it) {
    const accept = /* @__PURE__ */ new Set();
    const reject = /* @__PURE__ */ new Set();
    const errors = [];
    for (const a of it.attrs ?? []) {
      const m = /^(?:verifier::|verifier\()?(accept_recursive_types|reject_recursive_types|reject_recursive_types_in_ground_variants)\((\w+)\)\)?$/.exec(a);
      if (!m) continue;
      const p = m[2];
      if (!it.generics.includes(p)) errors.push(`\`${p}\` in \`${m[1]}\` is not a type parameter of \`${it.name}\``);
      else if (accept.has(p) || reject.has(p)) errors.push(`duplicate recursive-types attribute for type parameter \`${p}\` of \`${it.name}\``);
      else if (m[1] === "accept_recursive_types") accept.add(p);
      else if (m[1] === "reject_recursive_types") reject.add(p);
      else accept.add(p);
    }
    return { accept, reject, errors };
  }
  /**
   * Verus's positivity check: a datatype may not contain itself (or a type that contains it) in
   * a non-positive position, such as the element of an `ISet` (a function to bool) or an
   * `IMap`'s key, or a type parameter declared `reject_recursive_types`; otherwise its SMT axioms
   * would be inconsistent (Cantor). A type parameter used in such a position must be declared
   * `#[verifier::reject_recursive_types(..)]`. (Verus's finite `Set` / `Map` accept recursive
   * types; VC generation, whose sets are not finite, reports a function using such a type
   * `unsupported`.)
   */
  checkPositivity(all, params, syntaxVariants, addError) {
    const byName = new Map(all.map((it) => [it.name, it]));
    const rejected = (name, i) => {
      if (name === "ISet") return i === 0;
      if (name === "IMap") return i === 0;
      const it = byName.get(name);
      if (!it) return false;
      const p = it.generics[i];
      return p !== void 0 && params.get(it).reject.has(p);
    };
    const direct = /* @__PURE__ */ new Map();
    const mentions = (t, out) => {
      if (t.k === "path") {
        if (byName.has(t.name)) out.add(t.name);
        t.args.forEach((a) => mentions(a, out));
      } else if (t.k === "array" || t.k === "slice") mentions(t.elem, out);
      else if (t.k === "ref") mentions(t.inner, out);
      else if (t.k === "tuple") t.elems.forEach((a) => mentions(a, out));
    };
    for (const it of all) {
      const out = /* @__PURE__ */ new Set();
      for (const fields of syntaxVariants(it)) for (const f of fields) mentions(f, out);
      direct.set(it.name, out);
    }
    const reaches = (from, to) => {
      const seen = /* @__PURE__ */ new Set();
      const stack = [from];
      while (stack.length) {
        const x = stack.pop();
        for (const y of direct.get(x) ?? []) {
          if (y === to) return true;
          if (!seen.has(y)) {
            seen.add(y);
            stack.push(y);
          }
        }
      }
      return false;
    };
    for (const it of all) {
      const ps = params.get(it);
      for (const e of ps.errors) addError(it, e);
      const external = hasExternalBody(it.attrs);
      if (external) {
        for (const g of it.generics) {
          if (it.genericParams?.some((p) => p.name === g && p.kind === "const")) continue;
          if (!ps.accept.has(g) && !ps.reject.has(g)) addError(it, `in external_body datatype \`${it.name}\`, each type parameter must be one of: #[verifier::reject_recursive_types], #[verifier::reject_recursive_types_in_ground_variants], #[verifier::accept_recursive_types] (\`${g}\` is not)`);
        }
        continue;
      }
      const reported = /* @__PURE__ */ new Set();
      const walk3 = (t, positive) => {
        switch (t.k) {
          case "path": {
            if (!positive && it.generics.includes(t.name) && !ps.reject.has(t.name) && !reported.has(t.name)) {
              reported.add(t.name);
              addError(it, `type parameter \`${t.name}\` of \`${it.name}\` is used in a non-positive position; declare it #[verifier::reject_recursive_types(${t.name})]`);
            }
            if (!positive && byName.has(t.name) && (t.name === it.name || reaches(t.name, it.name)) && !reported.has(t.name)) {
              reported.add(t.name);
              addError(it, `datatype \`${it.name}\` recursively uses type \`${t.name}\` in a non-positive position`);
            }
            t.args.forEach((a, i) => walk3(a, positive && !rejected(t.name, i)));
            return;
          }
          case "array":
          case "slice":
            return walk3(t.elem, positive);
          case "ref":
            return walk3(t.inner, positive);
          case "tuple":
            return t.elems.forEach((a) => walk3(a, positive));
          default:
            return;
        }
      };
      for (const fields of syntaxVariants(it)) for (const f of fields) walk3(f, true);
    }
  }
  wuas = /* @__PURE__ */ new Map();
  /** `f`'s `when_used_as_spec` attribute, checked once (null: it has none). */
  whenUsedAsSpec(f) {
    if (!this.wuas.has(f)) {
      const tyKey2 = (t, scope) => {
        try {
          return cTyStr(this.resolve(t, scope), this.vars);
        } catch (err) {
          if (err instanceof ResolveError) return null;
          throw err;
        }
      };
      this.wuas.set(f, checkWhenUsedAsSpec(this.crate, f, tyKey2));
    }
    return this.wuas.get(f);
  }
  resolve(t, scope) {
    return fromTy(this.crate.resolveType(t, scope));
  }
  checkConst(c) {
    const ty = this.resolve(c.ty, c.selfType);
    const ctx = { code: "exec", fn: null, scopes: [/* @__PURE__ */ new Map()], retTy: C_UNIT, retCode: "exec" };
    this.expect(c.value, ty, ctx);
    const t = shallow(ty, this.vars);
    if (t.k !== "int" || !isMachine(t.kind)) return;
    const r = intRange(t.kind);
    const walk3 = (e) => {
      if (e.k !== "binary" || !["+", "-", "*"].includes(e.op)) return;
      walk3(e.l);
      walk3(e.r);
      const v = this.crate.constIntValue(e);
      if (v !== null && (v < r.min || v > r.max)) this.error(`this arithmetic operation will overflow: evaluation of constant value failed (\`${v}\` does not fit into \`${t.kind}\`)`, e.sp);
    };
    walk3(c.value);
  }
  checkFn(f) {
    this.errors.push(...signatureErrors(f));
    this.errors.push(...this.whenUsedAsSpec(f)?.errors ?? []);
    const gaps = unsupportedGenerics(f);
    if (gaps) {
      if (!this.out.fnUnsupported.has(f)) this.out.fnUnsupported.set(f, gaps);
      return;
    }
    const code = f.mode;
    const params = /* @__PURE__ */ new Map();
    for (const p of f.params) {
      const wrapped = ghostWrapper(p.ty);
      if (p.name === "_") this.error("Verus requires a plain identifier pattern for a parameter, found `_`", p.sp);
      if (p.unwrap) {
        const inner = p.ty.k === "path" ? p.ty.args[0] : void 0;
        const wrappedMut = isWrappedMutRef(p) && hasExternalBody(f.attrs);
        if (inner?.k === "ref" && inner.mut && !wrappedMut) throw new UnsupportedType(`\`${p.unwrap}(${p.name}): ${p.unwrap}<&mut ..>\` (mutation through the wrapped reference is not modelled outside \`external_body\` functions)`, p.sp);
        const unwrapped = p.unwrap === "Tracked" ? "tracked" : "spec";
        const byRef = inner?.k === "ref";
        params.set(p.name, { ty: this.resolve(p.ty, f), ghost: true, mutable: !!p.mut, mutRef: wrappedMut, mode: unwrapped, owned: !byRef, ref: byRef });
        continue;
      }
      const mode = code === "spec" ? "spec" : code === "proof" ? p.mode === "tracked" ? "tracked" : "spec" : wrapped === "spec" ? "spec" : wrapped === "proof" ? "tracked" : "exec";
      params.set(p.name, { ty: this.resolve(p.ty, f), ghost: code !== "exec", wrapped: code === "exec" && wrapped !== null ? wrapped : void 0, mutable: !!p.mut, mutRef: p.ty.k === "ref" && p.ty.mut, mode, owned: p.ty.k !== "ref", ref: p.ty.k === "ref" });
    }
    const retTy = f.ret ? this.resolve(f.ret.ty, f) : C_UNIT;
    const retCode = code === "exec" ? ghostWrapper(f.ret?.ty) ?? "exec" : code;
    const specCtx = (extra) => ({ code: "spec", fn: f, scopes: extra ? [params, extra] : [params], retTy, retCode });
    for (const r of [...f.requires, ...f.recommends]) this.expect(r, C_BOOL, specCtx());
    for (const d of f.decreases) this.decreasesMeasure(d, specCtx());
    const withRet = /* @__PURE__ */ new Map();
    if (f.ret?.name) withRet.set(f.ret.name, { ty: retTy, ghost: true, mutable: false, mutRef: false, mode: "spec" });
    for (const e of f.ensures) this.expect(e, C_BOOL, specCtx(withRet));
    if (f.returns) this.expect(f.returns, retTy, specCtx());
    if (!f.body) return;
    const ctx = { code, fn: f, scopes: [params, /* @__PURE__ */ new Map()], retTy, retCode };
    const trusted = hasExternalBody(f.attrs);
    const open = openBodyScope(f);
    if (open.error) this.error(open.error.message, open.error.sp);
    const before = this.errors.length;
    this.openScope = open.scope;
    const bindersBefore = this.itemBinders.length;
    this.trustedBody = trusted;
    try {
      const bodyTy = this.block(f.body, ctx, retTy, retCode);
      if (bodyTy) this.unify(retTy, bodyTy, this.tailSpan(f.body));
    } catch (e) {
      if (!trusted) throw e;
    } finally {
      this.trustedBody = false;
      this.openScope = void 0;
    }
    if (trusted) {
      this.errors.length = before;
      this.itemBinders.length = bindersBefore;
    }
  }
  tailSpan(b) {
    const last = b.stmts[b.stmts.length - 1];
    return last && last.k === "expr" && !last.semi ? last.e.sp : b.sp;
  }
  decreasesMeasure(e, ctx) {
    this.infer(e, ctx);
  }
  // -------------------------------------------------------------------------------------------
  // Unification
  /** `found` must be usable where `expected` is wanted (rustc: no implicit conversion). */
  unify(expected, found, sp) {
    if (!this.unifies(expected, found)) {
      this.error(`mismatched types: expected \`${cTyStr(expected, this.vars)}\`, found \`${cTyStr(found, this.vars)}\``, sp);
      return false;
    }
    return true;
  }
  unifies(a, b) {
    a = shallow(a, this.vars);
    b = shallow(b, this.vars);
    if (a.k === "any" || b.k === "any") return true;
    if (a.k === "tvar" && b.k === "tvar" && a.id === b.id) return true;
    if (a.k === "tvar") return this.vars.bindType(a.id, b);
    if (b.k === "tvar") return this.vars.bindType(b.id, a);
    if (a.k === "ivar" && b.k === "ivar") return this.vars.union(a.id, b.id);
    if (a.k === "ivar") return b.k === "int" && this.vars.fix(a.id, b.kind);
    if (b.k === "ivar") return a.k === "int" && this.vars.fix(b.id, a.kind);
    if (a.k !== b.k) return false;
    switch (a.k) {
      case "int":
        return a.kind === b.kind;
      case "bool":
        return true;
      case "param":
        return a.name === b.name;
      case "cval":
        return a.n === b.n;
      case "struct":
      case "enum": {
        const bb = b;
        return a.name === bb.name && a.args.length === bb.args.length && a.args.every((x, i) => this.unifies(x, bb.args[i]));
      }
      case "seq":
      case "set":
        return this.unifies(a.elem, b.elem);
      case "map":
        return this.unifies(a.key, b.key) && this.unifies(a.val, b.val);
      case "array":
        return this.unifies(a.len, b.len) && this.unifies(a.elem, b.elem);
      case "tuple": {
        const bb = b;
        return a.elems.length === bb.elems.length && a.elems.every((x, i) => this.unifies(x, bb.elems[i]));
      }
    }
  }
  // -------------------------------------------------------------------------------------------
  // Expressions
  expect(e, want, ctx) {
    const t = this.infer(e, ctx, want);
    this.unify(want, t, e.sp);
    return t;
  }
  record(e, t) {
    this.types.set(e, t);
    return t;
  }
  lookup(name, ctx) {
    for (let i = ctx.scopes.length - 1; i >= 0; i--) {
      const l = ctx.scopes[i].get(name);
      if (l) return l;
    }
    return null;
  }
  /** Spec-only operations (views, `old`, ghost reads) in code that is compiled. */
  requireGhost(ctx, what, sp) {
    if (ctx.code === "exec") this.error(`expression has mode spec, expected mode exec: ${what} can only be used in ghost code`, sp);
  }
  infer(e, ctx, hint) {
    const use = this.placeUse;
    this.placeUse = "value";
    const t = this.record(e, this.inferInner(e, ctx, hint));
    if (use === "value" || use === "borrow") this.useOfPlace(e, t, use, ctx);
    return t;
  }
  /** Infers `e` as a place the parent borrows (`&e`, a `&self` receiver, a compared operand). */
  inferBorrowed(e, ctx, hint) {
    this.placeUse = "borrow";
    return this.infer(e, ctx, hint);
  }
  // -------------------------------------------------------------------------------------------
  // Moves (rustc's move check, for what generic code adds)
  /** Whether a value of type `t` is moved when used by value (check/copy.ts). */
  moves(t, ctx) {
    return movesValue(t, this.vars, ctx.fn ?? null, this.crate);
  }
  /** The owned local and field path a place expression names (`x`, `x.a.b`), or null. */
  ownedPlace(e, ctx) {
    if (e.k === "path" && e.segs.length === 1) {
      const local = this.lookup(e.segs[0], ctx);
      return local?.owned ? { name: e.segs[0], local, path: "" } : null;
    }
    if (e.k === "field") {
      const r = this.ownedPlace(e.recv, ctx);
      return r && { ...r, path: r.path ? `${r.path}.${e.name}` : e.name };
    }
    return null;
  }
  /**
   * A place (`x`, `x.f`) used by value or borrowed in code rustc checks (exec code; tracked
   * values in proof code; spec code is erased first): a use of what an earlier use moved is
   * "use of moved value"; a use by value of a non-`Copy` value moves it. Moving out of an array
   * element is refused, as rustc does.
   */
  useOfPlace(e, t, use, ctx) {
    if (ctx.code === "spec") return;
    if (e.k === "index") {
      if (use === "value" && !isCopy(t, this.vars, ctx.fn ?? null, this.crate)) this.error(`cannot move out of an array element of non-Copy type \`${cTyStr(t, this.vars)}\``, e.sp);
      return;
    }
    const pl = this.ownedPlace(e, ctx);
    if (!pl) return;
    const checked = ctx.code === "exec" ? pl.local.mode === "exec" && pl.local.wrapped !== "spec" : pl.local.mode === "tracked";
    if (!checked) return;
    const overlaps = (a, b) => a === b || a === "" || b === "" || a.startsWith(b + ".") || b.startsWith(a + ".");
    if (this.moved.some((m) => m.local === pl.local && overlaps(m.path, pl.path))) {
      this.error(`use of moved value: \`${pl.path ? `${pl.name}.${pl.path}` : pl.name}\``, e.sp);
      return;
    }
    if (use === "value" && this.moves(t, ctx)) this.moved.push({ local: pl.local, path: pl.path });
  }
  /** A place already checked by a borrow, then moved (a by-value `self`). */
  markMoved(e, t, ctx) {
    if (ctx.code === "spec") return;
    const pl = this.ownedPlace(e, ctx);
    if (!pl || !this.moves(t, ctx)) return;
    const checked = ctx.code === "exec" ? pl.local.mode === "exec" && pl.local.wrapped !== "spec" : pl.local.mode === "tracked";
    if (checked) this.moved.push({ local: pl.local, path: pl.path });
  }
  /** A place written as a whole (`x = e`, `x.f = e`) holds a value again. */
  reinitialize(e, ctx) {
    const pl = this.ownedPlace(e, ctx);
    if (!pl) return;
    this.moved = this.moved.filter((m) => m.local !== pl.local || !(m.path === pl.path || m.path.startsWith(pl.path ? pl.path + "." : "")));
  }
  /** Whether `e`'s value is a reference (so a binding of it does not own what it points to). */
  isRefValue(e, ctx) {
    if (e.k === "unary" && (e.op === "&" || e.op === "&mut")) return true;
    if (e.k === "path" && e.segs.length === 1) return !!this.lookup(e.segs[0], ctx)?.ref;
    if (e.k === "call" && ctx.fn) return this.calleeItem(e, ctx.fn)?.ret?.ty.k === "ref";
    if (e.k === "method") {
      const r = this.types.get(e.recv);
      const rs = r && shallow(r, this.vars);
      if (rs && (rs.k === "struct" || rs.k === "enum")) return this.crate.fns.get(`${rs.name}::${e.name}`)?.[0]?.item.ret?.ty.k === "ref";
      return true;
    }
    return false;
  }
  /** The expression whose value is used as a whole (moved, passed, returned, bound). */
  wholeUse = null;
  inferWhole(e, ctx, hint) {
    this.wholeUse = e;
    return this.infer(e, ctx, hint);
  }
  isWrappedRead(e, ctx) {
    return e.k === "path" && e.segs.length === 1 && !!this.lookup(e.segs[0], ctx)?.wrapped;
  }
  inferInner(e, ctx, hint) {
    switch (e.k) {
      case "int": {
        this.literals.push({ e, value: e.value, fn: this.currentFn, konst: this.currentConst, exec: !ghost(ctx.code) });
        if (e.suffix) {
          if (!isIntKind(e.suffix)) return C_ANY;
          return { k: "int", kind: e.suffix };
        }
        const v = this.vars.fresh(ghost(ctx.code));
        if (hint && shallow(hint, this.vars).k === "int" && ctx.code === "exec") this.unifies(v, hint);
        return v;
      }
      case "bool":
        return C_BOOL;
      case "path":
        return this.path(e, ctx);
      case "unary": {
        if (e.op === "&mut") this.mutBorrow(e, ctx);
        if (e.op === "&" || e.op === "&mut") return this.inferBorrowed(e.e, ctx, hint);
        if (e.op === "*") {
          this.placeUse = "base";
          return this.infer(e.e, ctx, hint);
        }
        if (e.op === "-" && e.e.k === "int") {
          const t2 = this.infer(e.e, ctx, hint);
          this.literals[this.literals.length - 1].value = -e.e.value;
          return t2;
        }
        const t = shallow(this.infer(e.e, ctx, hint), this.vars);
        if (e.op === "!") {
          if (t.k !== "any" && t.k !== "bool" && !isIntLike(t)) this.error(`cannot apply unary operator \`!\` to type \`${cTyStr(t, this.vars)}\``, e.sp);
          return t;
        }
        if (t.k === "int" && !ghost(ctx.code) && isMachine(t.kind) && !t.kind.startsWith("i")) this.error(`cannot apply unary operator \`-\` to type \`${t.kind}\``, e.sp);
        if (t.k !== "any" && !isIntLike(t)) this.error(`cannot apply unary operator \`-\` to type \`${cTyStr(t, this.vars)}\``, e.sp);
        return ghost(ctx.code) && t.k === "int" ? C_INT : t;
      }
      case "binary":
        return this.binary(e.op, e.l, e.r, e.sp, ctx);
      case "chain": {
        for (let i = 0; i < e.ops.length; i++) this.binary(e.ops[i], e.operands[i], e.operands[i + 1], e.sp, ctx, i > 0);
        return C_BOOL;
      }
      case "bullets":
        for (const x of e.items) this.expect(x, C_BOOL, ctx);
        return C_BOOL;
      case "call":
      case "method": {
        if (e.k === "call") {
          const built = this.specClosureCall(e, ctx);
          if (built) return built;
        }
        const gap = e.args.find((a) => a.k === "unsupported" || a.k === "closure");
        if (gap) {
          const what = gap.k === "unsupported" ? gap.what : "closure (only `Seq::new(n, |i| ..)` and `Set::new(|x| ..)` take one)";
          this.unsupportedHere(`unsupported: ${what}`, gap.sp);
        }
        return e.k === "call" ? this.call(e, ctx) : this.method(e, ctx);
      }
      case "field": {
        this.placeUse = "base";
        const r = shallow(this.infer(e.recv, ctx), this.vars);
        return this.fieldType(r, e.name, e.sp);
      }
      case "index": {
        this.placeUse = "base";
        const r = shallow(this.infer(e.recv, ctx), this.vars);
        if (e.idx.k === "unsupported") {
          this.infer(e.idx, ctx);
          return C_ANY;
        }
        if (r.k === "array" || r.k === "seq") {
          const i = this.infer(e.idx, ctx);
          if (r.k === "array" && ctx.code === "exec") this.unify({ k: "int", kind: "usize" }, i, e.idx.sp);
          else if (shallow(i, this.vars).k === "tvar") this.unify(C_INT, i, e.idx.sp);
          else if (!isIntLike(shallow(i, this.vars)) && i.k !== "any") this.error("the index must be an integer", e.idx.sp);
          return r.elem;
        }
        if (r.k === "map") {
          this.expect(e.idx, r.key, ctx);
          return r.val;
        }
        this.infer(e.idx, ctx);
        if (r.k !== "any") this.error(`cannot index into a value of type \`${cTyStr(r, this.vars)}\``, e.sp);
        return C_ANY;
      }
      case "view": {
        this.requireGhost(ctx, "`@` (the view of a value)", e.sp);
        const r = shallow(this.infer(e.e, ctx), this.vars);
        return r.k === "array" ? { k: "seq", elem: r.elem } : r;
      }
      case "cast": {
        const to = this.resolve(e.ty, ctx.fn ?? null);
        const from = shallow(this.infer(e.e, ctx, to), this.vars);
        if (from.k !== "any" && !isIntLike(from) && from.k !== "bool" && !this.unifies(to, from)) this.error(`non-primitive cast: \`${cTyStr(from, this.vars)}\` as \`${cTyStr(to, this.vars)}\``, e.sp);
        if (ctx.code === "exec" && to.k === "int" && !isMachine(to.kind)) this.requireGhost(ctx, `a cast to \`${to.kind}\``, e.sp);
        return to;
      }
      case "if": {
        this.expect(e.cond, C_BOOL, ctx);
        const before = this.snap();
        const t = this.block(e.then, ctx, hint);
        const afterThen = t === null ? null : this.snap();
        this.restore(before);
        if (!e.els) {
          this.join(before, [afterThen, before]);
          return C_UNIT;
        }
        const f = this.infer(e.els, ctx, hint);
        this.join(before, [afterThen, this.diverges(e.els) ? null : this.snap()]);
        if (t === null) return f;
        this.unify(t, f, e.els.sp);
        return t;
      }
      case "match": {
        const s2 = this.inferBorrowed(e.scrut, ctx);
        if (ctx.code !== "spec" && this.isMutRef(e.scrut, ctx) && e.arms.some((a) => this.binds(a.pat))) this.error("not supported: bindings in a match on a `&mut` reference (mutation through them would not reach the matched place)", e.scrut.sp);
        let result = null;
        const before = this.snap();
        const after = [];
        for (const arm of e.arms) {
          this.restore(before);
          ctx.scopes.push(/* @__PURE__ */ new Map());
          if (arm.guard && this.hasRefMut(arm.pat)) this.error("Not supported: match arm containing both a match-guard and a binding by mutable reference", arm.pat.sp);
          this.pattern(arm.pat, s2, ctx, ghost(ctx.code), ghost(ctx.code) ? "unknown" : "exec");
          if (arm.guard) this.expect(arm.guard, C_BOOL, ctx);
          const t = this.infer(arm.body, ctx, hint ?? result ?? void 0);
          if (!this.diverges(arm.body)) {
            if (result === null) result = t;
            else this.unify(result, t, arm.body.sp);
          }
          after.push(this.diverges(arm.body) ? null : this.snap());
          ctx.scopes.pop();
        }
        if (e.arms.length) this.join(before, after);
        if (e.arms.some((a) => this.bindsByValue(a.pat, ctx))) this.markMoved(e.scrut, s2, ctx);
        return result ?? C_ANY;
      }
      case "block":
        return this.block(e.block, ctx, hint) ?? C_ANY;
      case "quant": {
        this.quantAttrs(e.attrs);
        this.requireGhost(ctx, `\`${e.q}\``, e.sp);
        const scope = /* @__PURE__ */ new Map();
        const tys = e.params.map((p) => this.binderType(p, ctx));
        e.params.forEach((p, i) => scope.set(p.name, { ty: tys[i], ghost: true, mutable: false, mutRef: false, mode: "spec" }));
        const inner = { ...ctx, code: "spec", scopes: [...ctx.scopes, scope] };
        for (const tr of e.triggers) for (const t of tr) this.infer(t, inner);
        if (e.q === "choose") {
          this.expect(e.body, C_BOOL, inner);
          return tys.length === 1 ? tys[0] : { k: "tuple", elems: tys };
        }
        this.expect(e.body, C_BOOL, inner);
        return C_BOOL;
      }
      case "struct":
        return this.structLit(e, ctx);
      case "tuple":
        return { k: "tuple", elems: e.elems.map((x) => this.infer(x, ctx)) };
      case "array": {
        const hintElem = hint && shallow(hint, this.vars).k === "array" ? shallow(hint, this.vars).elem : void 0;
        let elem = null;
        for (const x of e.elems) {
          const t = this.infer(x, ctx, hintElem);
          if (elem === null) elem = t;
          else this.unify(elem, t, x.sp);
        }
        return elem ? { k: "array", elem, len: { k: "cval", n: BigInt(e.elems.length) } } : C_ANY;
      }
      case "array-rep": {
        const hintElem = hint && shallow(hint, this.vars).k === "array" ? shallow(hint, this.vars).elem : void 0;
        const elem = this.infer(e.elem, ctx, hintElem);
        const n = this.crate.constIntValue(e.len);
        this.infer(e.len, { ...ctx, code: "exec" }, { k: "int", kind: "usize" });
        return n === null ? C_ANY : { k: "array", elem, len: { k: "cval", n } };
      }
      case "macro": {
        if (e.name !== "seq" && e.name !== "set") {
          for (const a of e.args) this.infer(a, ctx);
          return C_ANY;
        }
        this.requireGhost(ctx, `\`${e.name}!\``, e.sp);
        let elem = null;
        for (const a of e.args) {
          const t = this.infer(a, { ...ctx, code: "spec" });
          if (elem === null) elem = t;
          else this.unify(elem, t, a.sp);
        }
        return { k: e.name, elem: elem ?? C_ANY };
      }
      case "trigger":
        if (e.attrArgs) this.error("invalid trigger attribute: to provide a trigger expression, use the #![trigger <expr>] attribute", e.attrArgs);
        return this.infer(e.e, ctx, hint);
      case "return": {
        if (ctx.code === "spec") this.error("`return` is not allowed in spec code", e.sp);
        if (e.e) this.expect(e.e, ctx.retTy, { ...ctx, code: ctx.code === "exec" ? ctx.retCode : ctx.code });
        else this.unify(ctx.retTy, C_UNIT, e.sp);
        return C_ANY;
      }
      case "break":
      case "continue":
        return C_ANY;
      case "while":
      case "loop": {
        if (ctx.code !== "exec") this.error(`cannot use ${e.k} in proof or spec mode`, e.sp);
        const isolated = e.isolation ?? !ctx.fn?.attrs.some((a) => /^verifier(::loop_isolation\(false\)|\(loop_isolation\(false\)\))$/.test(a));
        if (!isolated && e.complex) this.error("loop invariants with 'loop_isolation(false)' cannot be invariant_except_break or ensures, unless #[verifier::allow_complex_invariants] is used", e.complex);
        if (e.k === "while") this.expect(e.cond, C_BOOL, ctx);
        const spec = { ...ctx, code: "spec" };
        for (const i of [...e.inv, ...e.invEnsures]) this.expect(i, C_BOOL, spec);
        for (const d of e.dec) this.decreasesMeasure(d, spec);
        if (!e.dec.length && ctx.code === "exec" && !execTerminationWaived(ctx.fn, this.options)) this.error("loop must have a decreases clause", { start: e.sp.start, end: e.sp.start + e.k.length });
        const before = this.snap();
        this.block(e.body, ctx);
        const afterBody = this.snap();
        this.join(before, [before, afterBody]);
        return e.k === "while" ? C_UNIT : C_ANY;
      }
      case "assign":
        return this.assign(e, ctx);
      case "closure":
        this.unsupportedHere("unsupported: closure (only `Seq::new(n, |i| ..)` and `Set::new(|x| ..)` take one)", e.sp);
      case "unsupported":
        return C_ANY;
    }
  }
  /**
   * `Seq::new(n, |i: int| e)` (a `Seq` of length `n: nat` whose element `i` is `e`) and
   * `Set::new(|x: T| p)` (the `Set<T>` of the `x` where `p` holds): spec closures, typed like a
   * quantifier's body (the parameter is a binder: `binderTypes`). Null for any other call.
   */
  specClosureCall(e, ctx) {
    if (e.callee.k !== "path" || e.callee.segs.length !== 2 || e.callee.segs[1] !== "new") return null;
    const owner = e.callee.segs[0];
    const fnArg = owner === "Seq" ? e.args[1] : owner === "Set" ? e.args[0] : void 0;
    if (!fnArg || fnArg.k !== "closure" || e.args.length !== (owner === "Seq" ? 2 : 1)) return null;
    this.requireGhost(ctx, `\`${owner}::new\``, e.sp);
    if (fnArg.params.length !== 1) {
      this.error(`\`${owner}::new\` takes a closure of one parameter`, fnArg.sp);
      return C_ANY;
    }
    const p = fnArg.params[0];
    const pty = this.binderType(p, ctx);
    const scope = /* @__PURE__ */ new Map([[p.name, { ty: pty, ghost: true, mutable: false, mutRef: false, mode: "spec" }]]);
    const inner = { ...ctx, code: "spec", scopes: [...ctx.scopes, scope] };
    const g = e.callee.generics.map((x) => this.resolve(x, ctx.fn?.selfType ?? null));
    if (owner === "Seq") {
      this.expect(e.args[0], C_NAT, { ...ctx, code: "spec" });
      this.unify(C_INT, pty, p.sp);
      const elem = g[0] ? this.expect(fnArg.body, g[0], inner) : this.inferWhole(fnArg.body, inner);
      return { k: "seq", elem: g[0] ?? elem };
    }
    if (g[0]) this.unify(g[0], pty, p.sp);
    this.expect(fnArg.body, C_BOOL, inner);
    return { k: "set", elem: g[0] ?? pty };
  }
  diverges(e) {
    if (e.k === "return" || e.k === "break" || e.k === "continue") return true;
    if (e.k === "block") {
      const last = e.block.stmts[e.block.stmts.length - 1];
      return !!last && last.k === "expr" && this.diverges(last.e);
    }
    return false;
  }
  path(e, ctx) {
    const segs = e.segs;
    const last = segs[segs.length - 1];
    if (segs.length === 1) {
      const l = this.lookup(last, ctx);
      if (l) {
        if (l.cell && !l.cell.assigned && ctx.code !== "spec") this.error(`used binding \`${last}\` is possibly-uninitialized`, e.sp);
        if (l.ghost && ctx.code === "exec") this.error(`expression has mode spec, expected mode exec: \`${last}\` is a ghost variable and cannot be used in exec code`, e.sp);
        else if (l.wrapped && ctx.code === "exec" && this.wholeUse !== e) this.error(`expression has mode spec, expected mode exec: \`${last}\` holds a Ghost/Tracked value, which exec code can only move as a whole`, e.sp);
        return l.ty;
      }
      if (last === "None") return { k: "enum", name: "Option", args: [C_ANY] };
      const gp = ctx.fn?.genericParams?.find((p) => p.name === last);
      if (gp?.kind === "const" && gp.constTy) return this.resolve(gp.constTy, ctx.fn);
      if (gp) throw new ResolveError(`expected value, found type parameter \`${last}\``, e.sp);
    }
    if (segs.length === 2 && isIntKind(segs[0]) && (last === "MAX" || last === "MIN" || last === "BITS")) {
      return last === "BITS" ? { k: "int", kind: "u32" } : { k: "int", kind: segs[0] };
    }
    const variant = this.variant(segs, ctx, e.sp, e.generics);
    if (variant) {
      this.openCtor(variant.ty, e.sp);
      return variant.ty;
    }
    const c = this.crate.constItem(qualifiedName(segs, ctx.fn?.selfType ?? null), e.sp);
    if (c) {
      if (this.currentFn) this.constUses.push({ fn: this.currentFn, konst: c, sp: e.sp });
      if (this.openScope !== void 0) this.openBodyError(openBody.konst(this.openScope, c), e.sp);
      return this.resolve(c.ty, c.selfType);
    }
    throw new ResolveError(`cannot find value \`${segs.join("::")}\` in this scope`, e.sp);
  }
  /** A user enum's variant (or `Some`/`None`) named by a path, with its field types. */
  /** `written`: the turbofish of the path (`E::<u8, bool>::V`, `E::V::<u8, bool>`): the enum's arguments. */
  variant(segs, ctx, sp, written = []) {
    const last = segs[segs.length - 1];
    if ((segs.length === 1 || segs.length === 2 && segs[0] === "Option") && (last === "Some" || last === "None")) {
      const elem = C_ANY;
      return { ty: { k: "enum", name: "Option", args: [elem] }, fields: last === "Some" ? [elem] : [], named: [] };
    }
    if (segs.length < 2) return null;
    let en = segs[segs.length - 2];
    const viaSelf = en === "Self";
    if (viaSelf) en = ctx.fn?.selfType ?? en;
    const item = this.crate.enumItem(en);
    if (!item) return null;
    const v = item.variants.find((x) => x.name === last);
    if (!v) throw new ResolveError(`no variant named \`${last}\` found for enum \`${en}\``, sp);
    const self = viaSelf && item.generics.length && ctx.fn ? shallow(this.resolve({ k: "path", name: "Self", segs: ["Self"], args: [], sp }, ctx.fn), this.vars) : null;
    const args = self?.k === "enum" ? self.args : this.freshArgs(item, en, sp);
    if (written.length && !viaSelf) {
      const ps = item.genericParams ?? [];
      if (written.length !== args.length) this.error(`enum takes ${args.length} generic argument${args.length === 1 ? "" : "s"} but ${written.length} generic argument${written.length === 1 ? " was" : "s were"} supplied`, sp);
      else written.forEach((w, i) => {
        if (w.k !== "infer") this.unify(args[i], fromTy(ps[i]?.kind === "const" ? this.crate.constArg(w, ctx.fn ?? null) : this.crate.typeArg(w, ctx.fn ?? null)), w.sp);
      });
    }
    return { ty: { k: "enum", name: en, args }, fields: v.fields.map((f) => this.memberTy(f.ty, item, args)), named: v.tupleLike ? [] : v.fields.map((f) => f.name) };
  }
  /** A value of user datatype `ty` built in an open spec fn's body. */
  openCtor(ty, sp) {
    if (this.openScope === void 0) return;
    const dt = ty.k === "struct" ? this.crate.struct(ty.name, sp) : ty.k === "enum" && ty.name !== "Option" ? this.crate.enumItem(ty.name) : null;
    if (dt) this.openBodyError(openBody.datatype(this.openScope, dt, "constructor"), sp);
  }
  /**
   * A field of a library datatype that is not `pub` is private to the library (Rust's privacy, for
   * the one module boundary the verifier knows: library/load.ts): a user cannot forge or open up a
   * trusted type such as `PointsTo`.
   */
  libraryPrivateField(structName, field, sp) {
    const def = this.crate.structs.get(structName)?.[0];
    if (!def || !isLibraryFile(def.file) || field.vis?.k === "pub") return;
    if (this.currentFn && this.libraryFns.has(this.currentFn)) return;
    this.error(`field \`${field.name}\` of struct \`${structName}\` is private`, sp);
  }
  fieldType(r, name, sp) {
    if (r.k === "any") return C_ANY;
    if (r.k === "tvar") throw new ResolveError("type annotations needed", sp);
    if (r.k === "tuple") {
      const i = Number(name);
      if (Number.isInteger(i) && i >= 0 && i < r.elems.length) return r.elems[i];
    }
    if (r.k === "struct") {
      const s2 = this.crate.struct(r.name, sp);
      const f = s2.fields.find((x) => x.name === name);
      if (f && this.openScope !== void 0) this.openBodyError(openBody.datatype(this.openScope, s2, "field expression"), sp);
      if (f) this.libraryPrivateField(r.name, f, sp);
      if (f) return this.memberTy(f.ty, s2, r.args);
    }
    throw new ResolveError(`no field \`${name}\` on type \`${cTyStr(r, this.vars)}\``, sp);
  }
  binary(op, l, r, sp, ctx, leftTyped = false) {
    void leftTyped;
    if (op === "&&" || op === "||" || op === "==>" || op === "<==" || op === "<==>") {
      if (op !== "&&" && op !== "||") this.requireGhost(ctx, `\`${op}\``, sp);
      this.expect(l, C_BOOL, ctx);
      this.expect(r, C_BOOL, ctx);
      return C_BOOL;
    }
    if (op === "=~=" || op === "!~=" || op === "===" || op === "!==") {
      this.requireGhost(ctx, `\`${op}\``, sp);
      this.unify(this.infer(l, ctx), this.infer(r, ctx), sp);
      return C_BOOL;
    }
    let lt = shallow(this.inferBorrowed(l, ctx), this.vars);
    let rt = shallow(this.inferBorrowed(r, ctx, lt), this.vars);
    if (lt.k === "tvar" !== (rt.k === "tvar")) {
      this.unify(lt, rt, r.sp);
      lt = shallow(lt, this.vars);
      rt = shallow(rt, this.vars);
    }
    const g = ghost(ctx.code);
    if (COMPARISONS.has(op) && (lt.k === "param" || rt.k === "param") && (!g || op !== "==" && op !== "!=")) {
      this.error(`binary operation \`${op}\` cannot be applied to type \`${cTyStr(lt.k === "param" ? lt : rt, this.vars)}\``, sp);
      return C_BOOL;
    }
    if (!g && (op === "==" || op === "!=") && (holdsParam(lt, this.vars) || holdsParam(rt, this.vars))) {
      this.error(`binary operation \`${op}\` cannot be applied to type \`${cTyStr(holdsParam(lt, this.vars) ? lt : rt, this.vars)}\` (it needs \`PartialEq\` of a type parameter)`, sp);
      return C_BOOL;
    }
    if (COMPARISONS.has(op)) {
      if (g && isIntLike(lt) && isIntLike(rt)) {
        if (lt.k === "ivar" && rt.k === "ivar") this.unifies(lt, rt);
        return C_BOOL;
      }
      this.unify(lt, rt, r.sp);
      return C_BOOL;
    }
    if (lt.k === "any" || rt.k === "any") return C_ANY;
    if (op === "+" && lt.k === "seq") {
      this.unify(lt, rt, r.sp);
      return lt;
    }
    if (lt.k === "bool" && BIT_OPS.has(op)) {
      this.unify(lt, rt, r.sp);
      return C_BOOL;
    }
    if (!isIntLike(lt) || !isIntLike(rt)) {
      this.error(`cannot apply binary operator \`${op}\` to types \`${cTyStr(lt, this.vars)}\` and \`${cTyStr(rt, this.vars)}\``, sp);
      return C_ANY;
    }
    if (op === "<<" || op === ">>") {
      return lt;
    }
    if (BIT_OPS.has(op) || !g) {
      this.unify(lt, rt, r.sp);
      return lt;
    }
    if (lt.k === "ivar" && rt.k === "ivar") {
      this.unifies(lt, rt);
      return lt;
    }
    const natLike = (t) => t.k === "int" && t.kind === "nat" || t.k === "ivar";
    if (op !== "-" && natLike(lt) && natLike(rt)) return C_NAT;
    return C_INT;
  }
  structLit(e, ctx) {
    const last = e.path[e.path.length - 1];
    let ty;
    let fields;
    const v = e.path.length >= 2 ? this.variant(e.path, ctx, e.sp) : null;
    if (v) {
      ty = v.ty;
      const item = this.crate.enumItem(v.ty.name);
      const vr = item.variants.find((x) => x.name === last);
      fields = vr.fields.map((f, i) => ({ name: f.name, ty: v.fields[i] }));
    } else {
      const name = last === "Self" ? ctx.fn?.selfType ?? last : last;
      const s2 = this.crate.struct(name, e.sp);
      const self = last === "Self" && s2.generics.length && ctx.fn ? shallow(this.resolve({ k: "path", name: "Self", segs: ["Self"], args: [], sp: e.sp }, ctx.fn), this.vars) : null;
      const args = self?.k === "struct" ? self.args : this.freshArgs(s2, name, e.sp);
      ty = { k: "struct", name, args };
      fields = s2.fields.map((f) => ({ name: f.name, ty: this.memberTy(f.ty, s2, args), code: ghostWrapper(f.ty) }));
      for (const f of s2.fields) this.libraryPrivateField(name, f, e.sp);
    }
    this.openCtor(ty, e.sp);
    for (const f of e.fields) {
      const want = fields.find((x) => x.name === f.name);
      if (!want) {
        this.error(`struct \`${last}\` has no field named \`${f.name}\``, f.sp);
        this.infer(f.e, ctx);
      } else this.expect(f.e, want.ty, want.code && ctx.code === "exec" ? { ...ctx, code: want.code } : ctx);
    }
    if (e.base) this.expect(e.base, ty, ctx);
    else for (const f of fields) if (!e.fields.some((x) => x.name === f.name)) this.error(`missing field \`${f.name}\` in initializer of \`${last}\``, e.sp);
    return ty;
  }
  // -------------------------------------------------------------------------------------------
  // Calls
  call(e, ctx) {
    if (e.callee.k !== "path") {
      this.unknownContext(e.args.map((a) => this.infer(a, ctx)));
      return C_ANY;
    }
    const segs = e.callee.segs;
    const last = segs[segs.length - 1];
    if (segs.length === 1 && last === "old") {
      this.requireGhost(ctx, "`old`", e.sp);
      return e.args[0] ? this.infer(e.args[0], ctx) : C_ANY;
    }
    if (segs.length === 1 && (last === "Ghost" || last === "Tracked")) {
      const inner = { ...ctx, code: last === "Ghost" ? "spec" : "proof" };
      return e.args[0] ? this.infer(e.args[0], inner) : C_ANY;
    }
    if (segs.length === 2 && (segs[0] === "Seq" || segs[0] === "Set" || segs[0] === "Map") && last === "empty") {
      this.requireGhost(ctx, `\`${segs.join("::")}\``, e.sp);
      const g = e.callee.generics.map((x) => this.resolve(x, ctx.fn ?? null));
      if (segs[0] === "Map") return { k: "map", key: g[0] ?? C_ANY, val: g[1] ?? C_ANY };
      return { k: segs[0] === "Seq" ? "seq" : "set", elem: g[0] ?? C_ANY };
    }
    const v = this.variant(segs, ctx, e.sp, e.callee.generics);
    if (v) {
      this.openCtor(v.ty, e.sp);
      if (last === "Some" && v.ty.k === "enum" && v.ty.name === "Option") {
        const inner = e.args[0] ? this.infer(e.args[0], ctx) : C_ANY;
        return { k: "enum", name: "Option", args: [inner] };
      }
      if (e.args.length !== v.fields.length) this.error(`this enum variant takes ${v.fields.length} arguments but ${e.args.length} were supplied`, e.sp);
      e.args.forEach((a, i) => v.fields[i] ? this.expect(a, v.fields[i], ctx) : this.infer(a, ctx));
      return v.ty;
    }
    if (segs.length === 1 && this.crate.structs.has(last)) {
      const s2 = this.crate.struct(last, e.sp);
      const ty = { k: "struct", name: last, args: this.freshArgs(s2, last, e.sp) };
      this.openCtor(ty, e.sp);
      e.args.forEach((a, i) => s2.fields[i] ? this.expect(a, this.memberTy(s2.fields[i].ty, s2, ty.args), ctx) : this.infer(a, ctx));
      return ty;
    }
    const info = this.crate.fn(qualifiedName(segs, ctx.fn?.selfType ?? null), e.sp);
    if (!info) {
      for (const a of e.args) this.infer(a, ctx);
      throw new ResolveError(`cannot find function \`${segs.join("::")}\` in this scope`, e.sp);
    }
    return this.callFn(info, e.args, null, ctx, e.sp, e);
  }
  /** The user function a call names, or null (not a plain path, unknown or ambiguous). */
  calleeItem(e, caller) {
    if (e.callee.k !== "path") return null;
    try {
      return this.crate.fn(qualifiedName(e.callee.segs, caller.selfType), e.sp)?.item ?? null;
    } catch (err) {
      if (err instanceof ResolveError) return null;
      throw err;
    }
  }
  /** Generic arguments of the item being checked, to be known once it is typed (as rustc). */
  pendingGeneric = [];
  resolveGenericArgs() {
    for (const p of this.pendingGeneric) {
      const tys = p.args.map((a) => toTy(a, this.vars));
      if (tys.some((t) => t === null)) {
        this.error(`type annotations needed: cannot infer the generic arguments of \`${p.what}\``, p.sp);
        continue;
      }
      if (p.call) this.out.callTypeArgs.set(p.call, tys);
    }
  }
  /** Fresh inference variables for the generic parameters of a datatype (a literal, a constructor). */
  freshArgs(item, what, sp) {
    const args = item.generics.map(() => this.vars.freshType());
    if (args.length) this.pendingGeneric.push({ call: null, what, args, sp });
    return args;
  }
  /** A field's type in datatype `item` at generic arguments `args`. */
  memberTy(t, item, args) {
    const ty = this.resolve(t, item);
    if (!item.generics.length) return ty;
    return substCTy(ty, new Map(item.generics.map((g, i) => [g, args[i] ?? C_ANY])));
  }
  /**
   * A call of generic function `f`: its generic parameters as inference variables, fixed by the
   * turbofish (on the function: its own parameters; on the type: the impl's), the receiver and
   * the arguments; recorded for VC generation once the caller is typed.
   */
  instantiate(info, call, ctx, sp) {
    const f = info.item;
    const env = /* @__PURE__ */ new Map();
    const ps = f.genericParams ?? [];
    for (const g of f.generics) env.set(g, this.vars.freshType());
    const implN = f.implGenerics ?? 0;
    let written = [];
    let names = [];
    if (call.k === "call" && call.callee.k === "path" && call.callee.generics.length) {
      written = call.callee.generics;
      const onType = (call.callee.genericsSeg ?? 0) < call.callee.segs.length - 1;
      names = onType ? f.generics.slice(0, implN) : f.generics.slice(implN);
    } else if (call.k === "method" && call.generics.length) {
      written = call.generics;
      names = f.generics.slice(implN);
    }
    if (written.length) {
      if (written.length !== names.length) {
        this.error(`function \`${info.qname}\` takes ${names.length} generic argument${names.length === 1 ? "" : "s"} but ${written.length} generic argument${written.length === 1 ? " was" : "s were"} supplied`, sp);
      } else {
        names.forEach((n, i) => {
          const p = ps.find((x) => x.name === n);
          const w = written[i];
          const t = w.k === "infer" ? null : fromTy(p?.kind === "const" ? this.crate.constArg(w, ctx.fn ?? null) : this.crate.typeArg(w, ctx.fn ?? null));
          if (t) this.unify(env.get(n), t, w.sp);
        });
      }
    }
    if (implN && call.k === "call" && call.callee.k === "path" && call.callee.segs.length >= 2 && call.callee.segs[call.callee.segs.length - 2] === "Self" && ctx.fn?.selfType) {
      const selfExpr = { k: "path", name: "Self", segs: ["Self"], args: [], sp };
      this.unify(substCTy(this.resolve(selfExpr, f), env), this.resolve(selfExpr, ctx.fn), sp);
    }
    this.pendingGeneric.push({ call, what: info.qname, args: f.generics.map((g) => env.get(g)), sp });
    const erased = written.find((w) => erasedWrapper(w));
    const args = call.k === "call" || call.k === "method" ? call.args : [];
    const offset = call.k === "method" ? 1 : 0;
    const viaRef = args.find((a, i) => {
      const pt = f.params[i + offset]?.ty;
      return pt?.k === "path" && pt.segs.length === 1 && f.generics.includes(pt.name) && this.isRefValue(a, ctx);
    });
    if ((erased || viaRef) && ctx.fn && !this.out.fnUnsupported.has(ctx.fn)) {
      this.out.fnUnsupported.set(ctx.fn, { message: "a reference (or `Box`/`Ghost`/`Tracked`) as a generic argument: types here erase it, so the instantiation would be the one of the type it wraps", sp: (erased ?? viaRef).sp });
    }
    return env;
  }
  /** A user function's call: argument types, the callee's mode against the caller's code. */
  callFn(info, args, recvTy, ctx, sp, call) {
    const f = info.item;
    const asSpec = ctx.code !== "exec" && f.mode === "exec" ? this.whenUsedAsSpec(f)?.target : null;
    if (asSpec) {
      this.out.specCalls.set(call, asSpec);
      return this.callFn(asSpec, args, recvTy, ctx, sp, call);
    }
    if (this.currentFn) {
      const calls = this.graph.calls.get(this.currentFn) ?? /* @__PURE__ */ new Set();
      this.graph.calls.set(this.currentFn, calls.add(f));
    }
    if (this.openScope !== void 0) this.openBodyError(openBody.fn(this.openScope, f), sp);
    const env = f.generics.length ? this.instantiate(info, call, ctx, sp) : null;
    const inst = (t) => env ? substCTy(t, env) : t;
    if (ctx.code === "spec" && f.mode !== "spec") this.error(`cannot call function \`${info.qname}\` with mode ${f.mode} in spec code`, sp);
    else if (ctx.code === "proof" && f.mode === "exec") this.error(`cannot call function \`${info.qname}\` with mode exec in proof code`, sp);
    else if (ctx.code === "exec" && f.mode !== "exec") this.error(`cannot call function \`${info.qname}\` with mode ${f.mode} in exec code (use it inside \`proof { }\`)`, sp);
    const params = f.params.map((p) => ({ ty: inst(this.resolve(p.ty, f)), code: f.mode === "exec" ? ghostWrapper(p.ty) ?? ctx.code : f.mode === "spec" ? "spec" : ctx.code === "exec" ? "proof" : ctx.code }));
    const total = args.length + (recvTy ? 1 : 0);
    if (params.length !== total) this.error(`function \`${info.qname}\` takes ${params.length} arguments but ${total} were supplied`, sp);
    const offset = recvTy ? 1 : 0;
    if (recvTy && params[0]) this.unify(params[0].ty, recvTy, sp);
    args.forEach((a, i) => {
      const p = params[i + offset];
      if (!p) this.infer(a, ctx);
      else this.expect(a, p.ty, { ...ctx, code: p.code });
    });
    if (f.mode === "proof" && ctx.code !== "spec") {
      args.forEach((a, i) => {
        const p = f.params[i + offset];
        if (p?.mode !== "tracked") return;
        const r = this.placeRoot(a.k === "unary" && (a.op === "&" || a.op === "&mut") ? a.e : a, ctx);
        if (r?.local.mode === "spec") this.error("expression has mode spec, expected mode proof", a.sp);
      });
    }
    args.forEach((a, i) => {
      const p = f.params[i + offset];
      if (!p || !isWrappedMutRef(p)) return;
      const inner = a.k === "call" && a.callee.k === "path" && a.callee.segs.length === 1 && a.callee.segs[0] === "Tracked" ? a.args[0] : void 0;
      const ok = inner && (inner.k === "unary" && inner.op === "&mut" || inner.k === "path" && inner.segs.length === 1 && this.lookup(inner.segs[0], ctx)?.mutRef);
      if (!ok) this.error(`mismatched types: \`${info.qname}\` expects \`Tracked(&mut ..)\` here`, a.sp);
    });
    const borrowed = [];
    const overlaps = (x, y) => x === y || x.startsWith(y + ".") || x.startsWith(y + "[") || y.startsWith(x + ".") || y.startsWith(x + "[");
    args.forEach((a, i) => {
      const p = f.params[i + offset];
      let key = null;
      const unwrapped = p && isWrappedMutRef(p) && a.k === "call" && a.args[0] ? a.args[0] : a;
      if (unwrapped.k === "unary" && unwrapped.op === "&mut") key = this.placeKey(unwrapped.e, ctx);
      else if (p?.ty.k === "ref" && p.ty.mut && a.k === "path") {
        const r = this.placeRoot(a, ctx);
        if (r?.local.mutRef) key = r.name;
      }
      if (key === null) return;
      const clash = borrowed.find((b) => overlaps(b, key));
      if (clash) this.error(`cannot borrow \`${key.split(/[.[]/)[0]}\` as mutable more than once at a time`, a.sp);
      borrowed.push(key);
    });
    return f.ret ? inst(this.resolve(f.ret.ty, f)) : C_UNIT;
  }
  method(e, ctx) {
    const r = shallow(this.inferBorrowed(e.recv, ctx), this.vars);
    const name = e.name;
    const argTys = () => e.args.map((a) => this.infer(a, ctx));
    const spec = () => ({ ...ctx, code: "spec" });
    if (r.k === "any") {
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (name.startsWith("$is:")) return C_BOOL;
    if (name.startsWith("$arrow:")) {
      if (r.k === "enum" && r.name !== "Option") {
        const item = this.crate.enumItem(r.name);
        for (const v of item?.variants ?? []) {
          const f = v.fields.find((x) => x.name === name.slice(7));
          if (f) return this.memberTy(f.ty, item, r.args);
        }
      }
      if (r.k === "enum" && r.name === "Option" && name === "$arrow:0") return r.args[0] ?? C_ANY;
      return C_ANY;
    }
    if (r.k === "struct" || r.k === "enum" && r.name !== "Option") {
      const info = this.crate.fn(`${r.name}::${name}`, e.nameSp);
      if (!info) throw new ResolveError(`no method named \`${name}\` found for \`${r.name}\``, e.nameSp);
      const self = info.item.params[0];
      if (self?.isSelf && self.ty.k !== "ref") this.markMoved(e.recv, r, ctx);
      return this.callFn(info, e.args, r, ctx, e.sp, e);
    }
    if (r.k === "enum") {
      const elem = r.args[0] ?? C_ANY;
      switch (name) {
        case "is_some":
        case "is_none":
          return C_BOOL;
        case "unwrap":
        case "expect":
          argTys();
          return elem;
        case "get_Some_0":
          this.requireGhost(ctx, "`get_Some_0`", e.sp);
          return elem;
        case "unwrap_or":
          if (e.args[0]) this.expect(e.args[0], elem, ctx);
          return elem;
      }
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (r.k === "array" && name === "len") return { k: "int", kind: "usize" };
    if (r.k === "array" && ctx.code === "exec" && name === "index" && e.args.length === 1 && e.args[0].k !== "unsupported") {
      this.expect(e.args[0], { k: "int", kind: "usize" }, ctx);
      return r.elem;
    }
    if (r.k === "array" && ctx.code === "exec") {
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (r.k === "seq" || r.k === "array") {
      const s2 = { k: "seq", elem: r.elem };
      this.requireGhost(ctx, `\`Seq::${name}\``, e.sp);
      const a = (i, t) => e.args[i] && this.expect(e.args[i], t, spec());
      const idx = (i) => e.args[i] && this.intArg(e.args[i], spec());
      switch (name) {
        case "len":
          return C_NAT;
        case "index":
          idx(0);
          return r.elem;
        case "first":
        case "last":
          return r.elem;
        case "push":
          a(0, r.elem);
          return s2;
        case "update":
          idx(0);
          a(1, r.elem);
          return s2;
        case "subrange":
          idx(0);
          idx(1);
          return s2;
        case "take":
        case "skip":
          idx(0);
          return s2;
        case "drop_last":
          return s2;
        case "add":
          a(0, s2);
          return s2;
        case "contains":
          a(0, r.elem);
          return C_BOOL;
      }
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (r.k === "set") {
      this.requireGhost(ctx, `\`Set::${name}\``, e.sp);
      const a = (i, t) => e.args[i] && this.expect(e.args[i], t, spec());
      switch (name) {
        case "contains":
          a(0, r.elem);
          return C_BOOL;
        case "insert":
        case "remove":
          a(0, r.elem);
          return r;
        case "union":
        case "intersect":
        case "difference":
          a(0, r);
          return r;
        case "subset_of":
          a(0, r);
          return C_BOOL;
      }
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (r.k === "map") {
      this.requireGhost(ctx, `\`Map::${name}\``, e.sp);
      const a = (i, t) => e.args[i] && this.expect(e.args[i], t, spec());
      switch (name) {
        case "dom":
          return { k: "set", elem: r.key };
        case "contains_key":
          a(0, r.key);
          return C_BOOL;
        case "insert":
          a(0, r.key);
          a(1, r.val);
          return r;
        case "remove":
          a(0, r.key);
          return r;
        case "index":
          a(0, r.key);
          return r.val;
      }
      this.unknownContext(argTys());
      return C_ANY;
    }
    this.unknownContext(argTys());
    return C_ANY;
  }
  /**
   * Values passed where the checker does not know the expected type (an unknown method, a generic
   * callee): an unsuffixed literal there is not defaulted to i32 and range-checked, since its real
   * type is unknown (VC generation reports the construct unsupported).
   */
  unknownContext(tys) {
    for (const t of tys) {
      const s2 = shallow(t, this.vars);
      if (s2.k === "ivar") this.opaqueVars.push(s2.id);
    }
  }
  opaqueVars = [];
  intArg(e, ctx) {
    const t = shallow(this.infer(e, ctx), this.vars);
    if (t.k === "tvar") return void this.unify(C_INT, t, e.sp);
    if (t.k !== "any" && !isIntLike(t)) this.error(`mismatched types: expected \`int\`, found \`${cTyStr(t, this.vars)}\``, e.sp);
  }
  // -------------------------------------------------------------------------------------------
  // Places and assignment
  /** The local a place expression (`x`, `x.f`, `x[i]`, `*x`) is rooted in, and whether it goes through a `*`. */
  placeRoot(e, ctx) {
    let root2 = e;
    let deref = false;
    while (root2.k === "field" || root2.k === "index" || root2.k === "unary" && root2.op === "*") {
      if (root2.k === "unary") deref = true;
      root2 = root2.k === "unary" ? root2.e : root2.recv;
    }
    if (root2.k !== "path" || root2.segs.length !== 1) return null;
    const local = this.lookup(root2.segs[0], ctx);
    return local ? { name: root2.segs[0], local, deref, direct: root2 === e } : null;
  }
  /** A place as a string (`x.f[]`: indices are not told apart), or null when it is not a local's place. */
  placeKey(e, ctx) {
    if (e.k === "path") return e.segs.length === 1 && this.lookup(e.segs[0], ctx) ? e.segs[0] : null;
    if (e.k === "unary" && e.op === "*") return this.placeKey(e.e, ctx);
    if (e.k === "field") {
      const k = this.placeKey(e.recv, ctx);
      return k === null ? null : `${k}.${e.name}`;
    }
    if (e.k === "index") {
      const k = this.placeKey(e.recv, ctx);
      return k === null ? null : `${k}[`;
    }
    return null;
  }
  /** The outer scopes as seen from the proof of an `assert .. by`: every variable is spec there. */
  specScopes(ctx) {
    return ctx.scopes.map((m) => new Map([...m].map(([k, l]) => [k, { ...l, mode: l.mode === "unknown" ? l.mode : "spec" }])));
  }
  /** An expression whose value is a mutable reference: `&mut place`, or a `&mut T` parameter. */
  isMutRef(e, ctx) {
    if (e.k === "unary" && e.op === "&mut") return true;
    if (e.k === "path" && e.segs.length === 1) return !!this.lookup(e.segs[0], ctx)?.mutRef;
    if (e.k === "call" && ctx.fn) {
      const f = this.calleeItem(e, ctx.fn);
      return !!f?.ret && f.ret.ty.k === "ref" && f.ret.ty.mut;
    }
    return false;
  }
  binds(p) {
    switch (p.k) {
      case "bind":
        return true;
      case "or":
        return p.alts.some((a) => this.binds(a));
      case "tuple":
        return p.elems.some((a) => this.binds(a));
      case "variant":
        return (p.args ?? []).some((a) => this.binds(a)) || (p.fields ?? []).some((f) => this.binds(f.pat));
      default:
        return false;
    }
  }
  /** Whether pattern `p` binds a value of a non-`Copy` type by value (not `ref`). */
  bindsByValue(p, ctx) {
    switch (p.k) {
      case "bind": {
        const t = this.bindings.get(p);
        return !p.ref && !!t && this.moves(t, ctx);
      }
      case "or":
        return p.alts.some((a) => this.bindsByValue(a, ctx));
      case "tuple":
        return p.elems.some((a) => this.bindsByValue(a, ctx));
      case "variant":
        return (p.args ?? []).some((a) => this.bindsByValue(a, ctx)) || (p.fields ?? []).some((f) => this.bindsByValue(f.pat, ctx));
      default:
        return false;
    }
  }
  hasRefMut(p) {
    switch (p.k) {
      case "bind":
        return !!(p.ref && p.mut);
      case "or":
        return p.alts.some((a) => this.hasRefMut(a));
      case "tuple":
        return p.elems.some((a) => this.hasRefMut(a));
      case "variant":
        return (p.args ?? []).some((a) => this.hasRefMut(a)) || (p.fields ?? []).some((f) => this.hasRefMut(f.pat));
      default:
        return false;
    }
  }
  /** `&mut place`: modes (Verus) and mutability of the binding (rustc). */
  mutBorrow(e, ctx) {
    if (ctx.code === "spec" && ctx.fn?.mode === "spec") return this.error("mutable borrow is not allowed in spec context", e.sp);
    const r = this.placeRoot(e.e, ctx);
    if (ctx.inAssertBy && (!r || this.lookupOuter(r.name, ctx))) return this.error("mutable borrow is not allowed in 'assert ... by' statement", e.sp);
    if (!r) return;
    if (ctx.code === "exec" && r.local.wrapped && !r.direct) return this.error(`cannot access ${r.local.wrapped}-mode place in executable context`, e.sp);
    if (r.local.mode === "spec") {
      if (r.deref) return this.error("cannot mutate through a spec-mode mutable reference", e.sp);
      return this.error("cannot take mutable borrow of ghost-mode place", e.sp);
    }
    if (r.direct && r.local.mutable === false && r.local.mode === "exec" && ctx.code === "exec") this.error(`cannot borrow \`${r.name}\` as mutable, as it is not declared as mutable`, e.sp);
  }
  /** Whether a name in an `assert .. by` proof refers to a variable declared outside it. */
  lookupOuter(name, ctx) {
    for (let i = ctx.scopes.length - 1; i >= 0; i--) {
      const l = ctx.scopes[i].get(name);
      if (l) return i < (ctx.outerDepth ?? 0);
    }
    return false;
  }
  assign(e, ctx) {
    if (ctx.code === "spec") this.error("assignment is not allowed in spec code", e.sp);
    let root2 = e.lhs;
    while (root2.k === "field" || root2.k === "index" || root2.k === "unary" && root2.op === "*") root2 = root2.k === "unary" ? root2.e : root2.recv;
    const local = root2.k === "path" && root2.segs.length === 1 ? this.lookup(root2.segs[0], ctx) : null;
    if (local && !local.ghost && ctx.code !== "exec" && ctx.fn?.mode === "exec") this.error(`cannot mutate exec-mode place \`${root2.segs[0]}\` in ghost code`, e.lhs.sp);
    const place = this.placeRoot(e.lhs, ctx);
    if (place && ctx.code === "exec" && place.local.wrapped && !place.direct) this.error(`cannot access ${place.local.wrapped}-mode place in executable context`, e.lhs.sp);
    else if (place && ctx.code !== "spec") {
      if (place.deref && place.local.mode === "spec") this.error("cannot mutate through a spec-mode mutable reference", e.lhs.sp);
      else if (place.direct && place.local.mutable === false) this.error(`cannot assign twice to immutable variable \`${place.name}\``, e.lhs.sp);
      else if (!place.direct && !place.deref && place.local.mutable !== true && !place.local.mutRef && shallow(place.local.ty, this.vars).k !== "any") this.error(`cannot assign to a part of \`${place.name}\`, as \`${place.name}\` is not declared as mutable`, e.lhs.sp);
    }
    const placeCtx = local?.ghost ? { ...ctx, code: ctx.code === "exec" ? "proof" : ctx.code } : ctx;
    const cell = place?.direct && e.op === "=" ? place.local.cell : void 0;
    if (cell && cell.assigned && place.local.mutable === "uninit") this.error(`cannot assign twice to immutable variable \`${place.name}\``, e.lhs.sp);
    if (place?.direct && e.op === "=" && place.local.typedLater) {
      const t = this.infer(e.rhs, placeCtx);
      this.bindings.set(place.local.typedLater, t);
      place.local.ty = t;
      delete place.local.typedLater;
      this.record(e.lhs, t);
      if (cell) cell.assigned = true;
      return C_UNIT;
    }
    const was = cell?.assigned ?? false;
    if (cell) cell.assigned = true;
    if (place?.local.wrapped) this.wholeUse = root2;
    if (e.op === "=") this.placeUse = "write";
    const lt = this.infer(e.lhs, placeCtx);
    if (cell) cell.assigned = was;
    if (e.op === "=") {
      this.expect(e.rhs, lt, placeCtx);
      this.reinitialize(e.lhs, ctx);
      if (cell) cell.assigned = true;
      return C_UNIT;
    }
    const op = e.op.slice(0, -1);
    const result = shallow(this.binary(op, e.lhs, e.rhs, e.sp, placeCtx), this.vars);
    const placeTy = shallow(lt, this.vars);
    if (ghost(placeCtx.code) && placeTy.k === "int" && isMachine(placeTy.kind) && result.k === "int" && !isMachine(result.kind)) return C_UNIT;
    this.unify(lt, result, e.sp);
    return C_UNIT;
  }
  // -------------------------------------------------------------------------------------------
  // Statements
  /** The block's value type, or null when it ends in a statement that diverges. */
  block(b, ctx, hint, tailCode) {
    ctx.scopes.push(/* @__PURE__ */ new Map());
    let result = C_UNIT;
    b.stmts.forEach((s2, i) => {
      const last = i === b.stmts.length - 1;
      const t = this.stmt(s2, last && tailCode && s2.k === "expr" && !s2.semi ? { ...ctx, code: tailCode } : ctx, last ? hint : void 0);
      if (last) result = s2.k === "expr" && (!s2.semi || this.diverges(s2.e)) ? this.diverges(s2.e) ? null : t : C_UNIT;
    });
    ctx.scopes.pop();
    return result;
  }
  stmt(s2, ctx, hint) {
    const spec = { ...ctx, code: "spec" };
    const proof = { ...ctx, code: "proof" };
    const noGhostStatementsInSpec = (what) => {
      if (ctx.code === "spec") this.error(`${what} is not allowed in spec code`, s2.sp);
    };
    if ((s2.k === "assert" || s2.k === "assume" || s2.k === "assert-forall") && s2.notes && s2.notes.length > 1) this.error("at most one `proof_note` attribute is allowed", s2.notes[1].sp);
    switch (s2.k) {
      case "let": {
        if (s2.tracked && ctx.code === "spec") this.unsupportedHere("unsupported: `let tracked` inside spec code (moves and modes of tracked values there are not checked)", s2.sp);
        const isGhost = s2.ghost || ghost(ctx.code);
        const initCtx = s2.tracked ? proof : s2.ghost ? spec : ghostWrapper(s2.ty) ? { ...ctx, code: ghostWrapper(s2.ty) } : ctx;
        const declared = s2.ty && s2.ty.k !== "infer" ? this.resolve(s2.ty, ctx.fn ?? null) : null;
        const mutArg = s2.ty ? mutRefArgument(s2.ty) : null;
        if (mutArg && ctx.fn && !this.out.fnUnsupported.has(ctx.fn)) this.out.fnUnsupported.set(ctx.fn, { message: MUT_REF_ARGUMENT, sp: mutArg });
        let ty = declared ?? C_ANY;
        if (s2.init) {
          const t = declared ? this.expect(s2.init, declared, initCtx) : this.inferWhole(s2.init, initCtx);
          if (!declared) ty = t;
        }
        if (!s2.ghost || s2.tracked) {
          if (s2.ty?.k === "ref" && s2.ty.mut || s2.init && this.isMutRef(s2.init, ctx)) this.error("not supported: a local `&mut` reference (mutation through it would not reach the borrowed place)", s2.sp);
        }
        const wrapper = ghostWrapper(s2.ty);
        const mode = s2.tracked ? "tracked" : s2.ghost ? "spec" : wrapper === "spec" ? "spec" : wrapper === "proof" ? "tracked" : ctx.code === "exec" ? "exec" : "spec";
        const initCtor = s2.init?.k === "call" && s2.init.callee.k === "path" ? s2.init.callee.segs.join("::") : null;
        const wrapped = ctx.code !== "exec" || s2.ghost || s2.tracked ? null : wrapper ?? (s2.init && this.isWrappedRead(s2.init, ctx) ? this.lookup(s2.init.segs[0], ctx).wrapped : null) ?? (initCtor === "Ghost" ? "spec" : initCtor === "Tracked" ? "proof" : null);
        const isRef = s2.ty?.k === "ref" || !!s2.init && this.isRefValue(s2.init, ctx);
        const owned = s2.pat.k === "bind" && !!s2.init && !isRef;
        this.pattern(s2.pat, ty, ctx, isGhost, mode, !s2.init);
        if (wrapped && s2.pat.k === "bind") ctx.scopes[ctx.scopes.length - 1].get(s2.pat.name).wrapped = wrapped;
        if (owned && s2.pat.k === "bind") ctx.scopes[ctx.scopes.length - 1].get(s2.pat.name).owned = true;
        if (isRef && s2.pat.k === "bind") ctx.scopes[ctx.scopes.length - 1].get(s2.pat.name).ref = true;
        return C_UNIT;
      }
      case "expr":
        return this.infer(s2.e, ctx, hint);
      case "assume":
        noGhostStatementsInSpec("`assume`");
        this.expect(s2.e, C_BOOL, spec);
        return C_UNIT;
      case "assert":
        noGhostStatementsInSpec("`assert`");
        if (s2.by === "bit_vector") for (const x of [s2.e, ...s2.req]) this.bvDivisions(x), this.bvMutRefs(x, ctx);
        if (s2.by === "nonlinear_arith") this.nonlinearQuery(s2, ctx);
        for (const r of s2.req) this.expect(r, C_BOOL, spec);
        if (s2.proof) this.block(s2.proof, { ...proof, scopes: this.specScopes(ctx), inAssertBy: true, outerDepth: ctx.scopes.length });
        this.expect(s2.e, C_BOOL, spec);
        return C_UNIT;
      case "assert-forall": {
        noGhostStatementsInSpec("`assert forall`");
        this.quantAttrs(s2.attrs);
        const scope = /* @__PURE__ */ new Map();
        for (const p of s2.params) scope.set(p.name, { ty: this.binderType(p, ctx), ghost: true, mutable: false, mutRef: false, mode: "spec" });
        const inner = { ...spec, scopes: [...ctx.scopes, scope] };
        for (const tr of s2.triggers) for (const t of tr) this.infer(t, inner);
        if (s2.lhs) this.expect(s2.lhs, C_BOOL, inner);
        this.expect(s2.rhs, C_BOOL, inner);
        if (s2.proof) this.block(s2.proof, { ...proof, scopes: [...this.specScopes(ctx), scope], inAssertBy: true, outerDepth: ctx.scopes.length });
        return C_UNIT;
      }
      case "proof":
        noGhostStatementsInSpec("a `proof` block");
        this.block(s2.block, proof);
        return C_UNIT;
      case "reveal": {
        const target2 = this.crate.fn(qualifiedName(s2.name, ctx.fn?.selfType ?? null), s2.sp);
        if (target2 && s2.fuel !== null && this.currentFn) this.graph.fuels.push({ fn: this.currentFn, target: target2.item, fuel: s2.fuel, sp: s2.sp });
        return C_UNIT;
      }
      case "broadcast-use": {
        noGhostStatementsInSpec("`broadcast use`");
        const tg = broadcastTargets(this.crate, s2.names, ctx.fn?.selfType ?? null);
        for (const e of tg.errors) this.error(e.message, e.sp);
        if (tg.unsupported && this.currentFn && !this.trustedBody && !this.out.fnUnsupported.has(this.currentFn)) this.out.fnUnsupported.set(this.currentFn, tg.unsupported);
        this.out.broadcastUses.set(s2, tg.lemmas);
        if (this.currentFn) for (const lemma of tg.lemmas) this.useLemma(this.currentFn, lemma.item, s2.sp);
        return C_UNIT;
      }
      case "unsupported":
        return C_ANY;
    }
  }
  /** A quantifier's inner attributes: `#![auto]` and `#![all_triggers]` choose triggers (Verus). */
  quantAttrs(attrs) {
    for (const a of attrs ?? []) if (a.name !== "auto" && a.name !== "all_triggers") this.error("expected trigger", a.sp);
  }
  /**
   * `assert(e) by(nonlinear_arith) requires r { body }` is a query of its own that sees only `r`:
   * its body may not use a variable that `e` and `r` do not mention (Verus).
   */
  nonlinearQuery(s2, ctx) {
    if (ctx.fn?.attrs.some((a) => /^verifier(::nonlinear|\(nonlinear\))$/.test(a))) this.error("assert_by_query not allowed in #[verifier::nonlinear] functions", s2.sp);
    if (!s2.proof) return;
    const names = (root2, out, report) => {
      const visit = (x) => {
        if (Array.isArray(x)) return x.forEach(visit);
        if (!x || typeof x !== "object") return;
        const o = x;
        if (o.k === "path" && o.segs?.length === 1) {
          out.add(o.segs[0]);
          report?.(o.segs[0], o.sp);
        }
        for (const v of Object.values(x)) if (v && typeof v === "object") visit(v);
      };
      visit(root2);
    };
    const allowed = /* @__PURE__ */ new Set();
    names([s2.e, ...s2.req], allowed);
    const reported = /* @__PURE__ */ new Set();
    names(s2.proof, /* @__PURE__ */ new Set(), (name, sp) => {
      if (allowed.has(name) || reported.has(name) || !this.lookup(name, ctx)) return;
      reported.add(name);
      this.error(`variable \`${name}\` not mentioned in requires/ensures of the nonlinear_arith query`, sp);
    });
  }
  /**
   * `/` and `%` in a bit-vector query by a divisor that may be 0: SMT-LIB defines `bvudiv x 0`
   * as all ones and `bvurem x 0` as x, width by width, while the integer encoding leaves `x / 0`
   * unspecified; facts proved one way and used the other are contradictory (Verus also leaves
   * these unspecified). Refused until the bit-vector encoding leaves them unspecified too.
   */
  bvDivisions(e) {
    const visit = (x) => {
      if (x.k === "binary" && (x.op === "/" || x.op === "%")) {
        const d = x.r.k === "cast" ? x.r.e : x.r;
        if (!(d.k === "int" && d.value !== 0n)) this.error(`not supported: \`${x.op}\` by a value that may be 0 in \`by(bit_vector)\` (only a nonzero literal divisor)`, x.sp);
      }
      for (const v of Object.values(x)) {
        if (v && typeof v === "object" && "k" in v && "sp" in v) visit(v);
        else if (Array.isArray(v)) {
          for (const y of v) if (y && typeof y === "object" && "k" in y && "sp" in y) visit(y);
        }
      }
    };
    visit(e);
  }
  /**
   * A `&mut T` parameter in a bit-vector query other than as `*x`: the bit-vector encoding has no
   * reference values (Verus: "bit_vector prover cannot handle type `&mut T`"); nor `old(x)`.
   */
  bvMutRefs(e, ctx) {
    const visit = (x, underDeref) => {
      if (x.k === "path" && x.segs.length === 1) {
        const l = this.lookup(x.segs[0], ctx);
        if (l?.mutRef && !underDeref) this.error(`bit_vector prover cannot handle type \`&mut ${cTyStr(l.ty, this.vars)}\``, x.sp);
        return;
      }
      if (x.k === "call" && x.callee.k === "path" && x.callee.segs.length === 1 && x.callee.segs[0] === "old") {
        this.error("`old` is not supported in `bit_vector` assert", x.sp);
        return;
      }
      const deref = x.k === "unary" && x.op === "*";
      for (const v of Object.values(x)) {
        if (v && typeof v === "object" && "k" in v && "sp" in v) visit(v, deref);
        else if (Array.isArray(v)) {
          for (const y of v) if (y && typeof y === "object" && "k" in y && "sp" in y) visit(y, false);
        }
      }
    };
    visit(e, false);
  }
  // -------------------------------------------------------------------------------------------
  // Patterns
  pattern(p, ty, ctx, isGhost, mode = isGhost ? "spec" : "exec", uninit = false) {
    const t = shallow(ty, this.vars);
    const scope = ctx.scopes[ctx.scopes.length - 1];
    switch (p.k) {
      case "wild":
        return;
      case "bind":
        if (p.ref && p.mut) {
          if (ghost(ctx.code) || mode === "spec") this.error(`a 'mut ref' binding in a pattern is not allowed in spec mode`, p.sp);
          else this.error("not supported: a `ref mut` binding (mutation through it would not reach the matched place)", p.sp);
        }
        const cell = uninit ? { assigned: false } : void 0;
        if (cell) this.cells.push(cell);
        const typedLater = uninit && ty.k === "any" ? { typedLater: p } : {};
        scope.set(p.name, { ty, ghost: isGhost, mutable: p.mut || (uninit ? "uninit" : false), mutRef: false, mode, ...cell ? { cell } : {}, ...typedLater });
        this.bindings.set(p, ty);
        return;
      case "lit":
        this.expect(p.value, ty, { ...ctx, code: ghost(ctx.code) ? "spec" : "exec" });
        return;
      case "or":
        for (const a of p.alts) this.pattern(a, ty, ctx, isGhost, mode);
        return;
      case "tuple":
        if (t.k === "tuple" && t.elems.length === p.elems.length) p.elems.forEach((q, i) => this.pattern(q, t.elems[i], ctx, isGhost, mode));
        else {
          if (t.k !== "any") this.error(`mismatched types: expected \`${cTyStr(t, this.vars)}\`, found a tuple`, p.sp);
          p.elems.forEach((q) => this.pattern(q, C_ANY, ctx, isGhost, mode));
        }
        return;
      case "variant": {
        const last = p.path[p.path.length - 1];
        if (t.k === "enum" && t.name === "Option" && (last === "Some" || last === "None")) {
          for (const q of p.args ?? []) this.pattern(q, t.args[0] ?? C_ANY, ctx, isGhost, mode);
          return;
        }
        if (t.k === "struct" && last === t.name) {
          const s2 = this.crate.struct(t.name, p.sp);
          for (const fp of p.fields ?? []) {
            const f = s2.fields.find((x) => x.name === fp.name);
            this.pattern(fp.pat, f ? this.memberTy(f.ty, s2, t.args) : C_ANY, ctx, isGhost, mode);
          }
          return;
        }
        const segs = p.path.length === 1 && t.k === "enum" ? [t.name, last] : p.path;
        const v = t.k === "any" ? null : this.variant(segs, ctx, p.sp);
        if (v && t.k !== "any") this.unify(t, v.ty, p.sp);
        (p.args ?? []).forEach((q, i) => this.pattern(q, v?.fields[i] ?? C_ANY, ctx, isGhost, mode));
        for (const fp of p.fields ?? []) {
          const i = v ? v.named.indexOf(fp.name) : -1;
          this.pattern(fp.pat, i >= 0 ? v.fields[i] : C_ANY, ctx, isGhost, mode);
        }
        return;
      }
    }
  }
};

// toolchain/verifier/fn-key.ts
import { createHash as createHash4 } from "node:crypto";
import { readdirSync as readdirSync2, readFileSync as readFileSync4, statSync } from "node:fs";
import * as path4 from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";
var FN_KEY_FORMAT = 1;
var digests = /* @__PURE__ */ new WeakMap();
function digest(it, file) {
  const known = digests.get(it);
  if (known) return known;
  const names = /* @__PURE__ */ new Set();
  const text = JSON.stringify(it, (_k, v) => {
    if (typeof v === "string") {
      names.add(v);
      if (/[^A-Za-z0-9_]/.test(v)) for (const w of v.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) names.add(w);
    }
    return typeof v === "bigint" ? `${v}n` : v;
  });
  const d = { hash: createHash4("sha256").update(file).update("\0").update(text).digest("hex"), names };
  digests.set(it, d);
  return d;
}
function nameOf(it) {
  return it.k === "fn" || it.k === "struct" || it.k === "enum" || it.k === "const" || it.k === "type" || it.k === "broadcast-group" ? it.name : null;
}
var fingerprintMemo = null;
function verifierFingerprint() {
  if (fingerprintMemo !== null) return fingerprintMemo;
  const self = fileURLToPath3(import.meta.url);
  const here = path4.dirname(self);
  const h = createHash4("sha256");
  if (self.endsWith(".ts")) {
    const files2 = [];
    const walk3 = (dir) => {
      for (const name of readdirSync2(dir).sort()) {
        const p = path4.join(dir, name);
        if (statSync(p).isDirectory()) {
          if (name !== "tests" && name !== "node_modules") walk3(p);
        } else if (/\.(ts|mjs)$/.test(name) && !name.endsWith(".test.ts")) files2.push(p);
      }
    };
    walk3(here);
    walk3(path4.join(here, "..", "syntax"));
    files2.push(path4.join(here, "..", "..", "app", "verification.ts"));
    for (const f of files2) h.update(path4.relative(here, f)).update("\0").update(readFileSync4(f)).update("\0");
  } else {
    h.update(readFileSync4(self));
  }
  fingerprintMemo = h.digest("hex");
  return fingerprintMemo;
}
var FunctionKeys = class {
  byName = /* @__PURE__ */ new Map();
  fileOf = /* @__PURE__ */ new Map();
  base;
  /** items without a name (a module-level `broadcast use`, an unsupported item): part of every key, with what they name */
  nameless = [];
  constructor(files2, o) {
    const h = createHash4("sha256").update(`stratos-fn-key-v${FN_KEY_FORMAT}\0${verifierFingerprint()}\0`);
    for (const g of o.globals) h.update(g).update("\0");
    for (const f of files2) {
      for (const it of f.items) {
        this.fileOf.set(it, f.path);
        const name = nameOf(it);
        const d = digest(it, f.path);
        if (name === null) {
          h.update(d.hash);
          this.nameless.push(d);
        } else {
          const l = this.byName.get(name);
          if (l) l.push({ it, d });
          else this.byName.set(name, [{ it, d }]);
        }
      }
    }
    this.base = h.digest("hex");
  }
  keyOf(fn) {
    const start = digest(fn, this.fileOf.get(fn) ?? "");
    const seen = /* @__PURE__ */ new Set([start, ...this.nameless]);
    const queue = [start, ...this.nameless];
    const visitedNames = /* @__PURE__ */ new Set();
    while (queue.length) {
      const d = queue.pop();
      for (const n of d.names) {
        if (visitedNames.has(n)) continue;
        visitedNames.add(n);
        for (const e of this.byName.get(n) ?? []) {
          if (seen.has(e.d)) continue;
          seen.add(e.d);
          queue.push(e.d);
        }
      }
    }
    const hashes = [...seen].map((d) => d.hash).sort();
    const h = createHash4("sha256").update(this.base).update("\0").update(start.hash).update("\0");
    for (const x of hashes) h.update(x);
    return h.digest("hex");
  }
};

// toolchain/verifier/front-end.ts
var parseCache = /* @__PURE__ */ new Map();
function parseCached(file, text) {
  const hit = parseCache.get(file);
  if (hit && hit.text === text) return hit;
  const parsed = parseFile(file, text);
  if (parseCache.size > 2e3) parseCache.clear();
  parseCache.set(file, parsed);
  return parsed;
}
async function runFrontEnd(files2, options) {
  const mine = (file) => inShard(file, options.shard);
  const diagnostics = [];
  const functions = [];
  const parsed = [];
  const withLibrary = usesLibrary(files2) ? new Map([...files2, ...options.library ?? libraryFiles()]) : files2;
  for (const [p, text] of [...withLibrary].sort((a, b) => a[0] < b[0] ? -1 : 1)) parsed.push(parseCached(p, text));
  const lineMaps2 = new Map(parsed.map((f) => [f.path, new LineMap(f.text)]));
  const filter = options.functionFilter;
  const selectedByFilter = (qname, name) => !filter || qname === filter || name === filter || qname.endsWith("::" + filter);
  const libraryProblems = [];
  for (const f of parsed) {
    const lm = lineMaps2.get(f.path);
    if (isLibraryFile(f.path)) {
      for (const d of f.diagnostics) libraryProblems.push(`${d.message} at ${f.path}:${fmtPos(lm, d.sp.start)}`);
      continue;
    }
    for (const d of f.diagnostics) diagnostics.push({ file: f.path, span: lm.span(d.sp), severity: "error", message: d.message, source: "stratos-verifier" });
    const erroneous = f.items.filter((it) => it.k === "fn" && it.parseError || it.k === "error");
    const loose = f.diagnostics.filter((d) => !erroneous.some((it) => it.sp.start <= d.sp.start && d.sp.end <= it.sp.end));
    if (loose.length) {
      functions.push({ name: `<syntax errors in ${f.path}>`, file: f.path, span: lm.span(loose[0].sp), mode: "exec", status: "error", timeMs: 0, cached: false, obligations: [], detail: loose[0].message });
    }
  }
  const contractsKnown = (f) => ({ ...f, items: f.items.filter((it) => !(it.k === "fn" && it.parseError && !it.parseError.inBody)) });
  const crate = new Crate(parsed.map(contractsKnown));
  const checked = checkCrate(crate, { execAllowsNoDecreasesClause: options.execAllowsNoDecreasesClause });
  const cvc = new CrateVC(crate, checked);
  const units = [];
  try {
    cvc.analyzeSpecFns();
  } catch {
  }
  let crateGap = null;
  for (const f of parsed) {
    if (!isLibraryFile(f.path)) continue;
    const lm = lineMaps2.get(f.path);
    for (const it of f.items) {
      const errs = it.k === "fn" ? checked.fnErrors.get(it) : it.k === "struct" || it.k === "enum" ? checked.typeErrors.get(it) : it.k === "const" ? checked.constErrors.get(it) : void 0;
      const gap = it.k === "fn" ? checked.fnUnsupported.get(it) ?? (it.parseError ? it.parseError.diagnostic : void 0) ?? (it.unsupportedAttrs?.[0] ? { message: `attribute \`#[${it.unsupportedAttrs[0].attr}]\``, sp: it.unsupportedAttrs[0].sp } : void 0) : it.k === "unsupported" ? { message: it.what, sp: it.sp } : it.k === "error" ? it.diagnostic : void 0;
      const hidden = it.k === "fn" && it.mode === "spec" && !it.open && it.body ? { message: `closed spec fn \`${it.name}\` with a body (module privacy is not modelled)`, sp: it.nameSp } : void 0;
      const first = errs?.[0] ?? gap ?? hidden;
      if (first) libraryProblems.push(`${first.message} at ${f.path}:${fmtPos(lm, first.sp.start)}`);
    }
  }
  const libraryNames = new Set(parsed.filter((f) => isLibraryFile(f.path)).flatMap((f) => f.items.map(itemName2)).filter((n) => n !== null));
  for (const f of parsed) {
    if (isLibraryFile(f.path) || crateGap !== null) continue;
    const clash = f.items.find((it) => {
      const n = itemName2(it);
      return n !== null && libraryNames.has(n);
    });
    if (clash) crateGap = `the crate defines its own \`${itemName2(clash)}\` at ${f.path}:${fmtPos(lineMaps2.get(f.path), clash.sp.start)}, which the vstd library also defines`;
  }
  const foreign = clashingModuleUse(files2);
  if (foreign && crateGap === null) crateGap = `\`vstd::${foreign.module}\` at ${foreign.file}:${fmtPos(lineMaps2.get(foreign.file), foreign.offset)} is not in the verifier's vstd library, and its types are named like the library's own (\`PointsTo\`)`;
  if (libraryProblems.length && crateGap === null) crateGap = `the vstd library does not check (${libraryProblems[0]})`;
  for (const f of parsed) {
    for (const it of f.items) {
      const at = it.k === "unsupported" && it.crate ? { attr: it.what, sp: it.sp } : it.k === "fn" ? it.unsupportedAttrs?.find((a) => a.crate) : void 0;
      if (at && crateGap === null) {
        const what = "attr" in at && it.k === "fn" ? `attribute \`#[${at.attr}]\`` : at.attr;
        crateGap = `${what} at ${f.path}:${fmtPos(lineMaps2.get(f.path), at.sp.start)} changes the meaning of other code`;
      }
    }
  }
  const shadow = checked.shadowedBuiltins[0];
  if (shadow && crateGap === null) crateGap = `the crate defines its own \`${shadow.name}\` at ${shadow.file}:${fmtPos(lineMaps2.get(shadow.file), shadow.sp.start)}, which shadows the built-in one`;
  const keys = options.reuse ? new FunctionKeys(parsed, { globals: [crateGap ?? "", options.noCheating ? "no-cheating" : "", options.execAllowsNoDecreasesClause ? "exec-allows-no-decreases" : ""] }) : null;
  for (const f of parsed) {
    if (isLibraryFile(f.path)) continue;
    const lm = lineMaps2.get(f.path);
    for (const it of f.items) {
      const typeErrors = it.k === "struct" || it.k === "enum" ? checked.typeErrors.get(it) : it.k === "const" ? checked.constErrors.get(it) : void 0;
      if (typeErrors?.length && (it.k === "struct" || it.k === "enum" || it.k === "const")) {
        for (const err of typeErrors) diagnostics.push({ file: f.path, span: lm.span(err.sp), severity: "error", message: err.message, source: "stratos-verifier" });
        functions.push({ name: `<${it.k} ${it.name}>`, file: f.path, span: lm.span(it.sp), mode: "spec", status: "error", timeMs: 0, cached: false, obligations: [], detail: typeErrors[0].message });
        continue;
      }
      if (it.k === "unsupported") {
        functions.push({ name: `<${it.what}>`, file: f.path, span: lm.span(it.sp), mode: "exec", status: "unsupported", timeMs: 0, cached: false, obligations: [], detail: `unsupported: ${it.what}` });
        continue;
      }
      if (it.k === "error") {
        functions.push({ name: `<${it.what}>`, file: f.path, span: lm.span(it.sp), mode: "exec", status: "error", timeMs: 0, cached: false, obligations: [], detail: `${it.diagnostic.message} at ${f.path}:${fmtPos(lm, it.diagnostic.sp.start)}` });
        continue;
      }
      if (it.k !== "fn") continue;
      const qname = it.selfType ? `${it.selfType}::${it.name}` : it.name;
      if (it.parseError) {
        if (!selectedByFilter(qname, it.name)) continue;
        const r = { name: qname, file: f.path, span: lm.span(it.sp), nameSpan: lm.span(it.nameSp), mode: it.mode, status: "error", timeMs: 0, cached: false, obligations: [], detail: `${it.parseError.diagnostic.message} at ${f.path}:${fmtPos(lm, it.parseError.diagnostic.sp.start)}` };
        functions.push(r);
        if (mine(f.path)) options.onFunctionResult?.(r);
        continue;
      }
      const info = (crate.fns.get(qname) ?? []).find((x) => x.item === it);
      const gen = new FnGen(cvc, info);
      const errors = checked.fnErrors.get(it);
      const badAttr = it.unsupportedAttrs?.[0];
      const cheats = options.noCheating ? cheatsIn(it) : [];
      const vc = badAttr ? { info, obligations: [], callees: /* @__PURE__ */ new Set(), unsupported: { message: `unsupported attribute \`#[${badAttr.attr}]\``, sp: badAttr.sp } } : crateGap ? { info, obligations: [], callees: /* @__PURE__ */ new Set(), unsupported: { message: `unsupported: ${crateGap}`, sp: it.nameSp } } : cheats.some((c) => c.error) ? { info, obligations: [], callees: /* @__PURE__ */ new Set(), error: cheats.find((c) => c.error) } : cheats.length ? cheatingVC(info, gen, cheats) : errors ? { info, obligations: [], callees: /* @__PURE__ */ new Set(), error: errors[0], checkErrors: errors } : checked.fnUnsupported.has(it) ? { info, obligations: [], callees: /* @__PURE__ */ new Set(), unsupported: checked.fnUnsupported.get(it) } : null;
      const unit2 = { vc: vc ?? { info, obligations: [], callees: /* @__PURE__ */ new Set() }, gen, file: f, lines: lm, mode: it.mode };
      if (!vc) {
        const key = keys && selectedByFilter(qname, it.name) && mine(f.path) ? keys.keyOf(it) : void 0;
        const stored = key !== void 0 ? await options.reuse(key) : null;
        if (key !== void 0 && stored) {
          unit2.vc.callees = new Set(stored.callees);
          unit2.reused = stored.result;
        } else unit2.vc = gen.run();
        unit2.key = key;
      }
      units.push(unit2);
    }
  }
  const unitByKey = new Map(units.map((u) => [u.vc.info.key, u]));
  const within2 = (inner, outer) => outer.every((m, i) => inner[i] === m);
  for (const u of units) {
    if (u.vc.error || u.vc.unsupported || u.reused) continue;
    const seen = /* @__PURE__ */ new Set();
    const stack = [...u.vc.callees];
    while (stack.length) {
      const k = stack.pop();
      if (seen.has(k)) continue;
      seen.add(k);
      const cu = unitByKey.get(k);
      if (cu?.mode === "spec") stack.push(...cu.vc.callees);
    }
    for (const k of seen) {
      const f = unitByKey.get(k)?.vc.info.item;
      if (f && f.mode === "spec" && !f.open && f.body && !within2(u.vc.info.item.module, f.module)) {
        u.vc.unsupported = { message: `uses the closed spec fn \`${unitByKey.get(k).vc.info.qname}\` of module \`${f.module.join("::") || "crate"}\` outside it: module privacy (hidden bodies) is not supported`, sp: u.vc.info.item.nameSp };
        break;
      }
    }
  }
  const execUnits = units.filter((u) => u.mode !== "spec");
  const byKey = new Map(execUnits.map((u) => [u.vc.info.key, u]));
  const sccs = computeSccs([...byKey.keys()], (k) => [...byKey.get(k)?.vc.callees ?? []].filter((c) => byKey.has(c)));
  const sccOf = /* @__PURE__ */ new Map();
  for (const c of sccs) for (const k of c) sccOf.set(k, new Set(c));
  for (const u of execUnits) {
    if (u.reused) continue;
    const comp = sccOf.get(u.vc.info.key);
    const recursive = u.gen.recCalls.filter((rc) => comp.has(rc.callee));
    if (!u.vc.info.item.decreases.length && execTerminationWaived(u.vc.info.item, options)) continue;
    for (const rc of recursive) u.gen.obligations.push(rc.ob());
  }
  const broken = /* @__PURE__ */ new Map();
  for (const u of units) if (u.vc.error && u.vc.checkErrors) broken.set(u.vc.info.key, u.vc.info.qname);
  for (let changed = true; changed; ) {
    changed = false;
    for (const u of units) {
      if (broken.has(u.vc.info.key)) continue;
      const bad = [...u.vc.callees].find((c) => broken.has(c) && unitByKey.has(c));
      if (bad === void 0) continue;
      broken.set(u.vc.info.key, u.vc.info.qname);
      if (!u.vc.error) u.vc.error = { message: `uses \`${broken.get(bad)}\`, which has type or mode errors`, sp: u.vc.info.item.nameSp };
      changed = true;
    }
  }
  const finished = /* @__PURE__ */ new Set();
  const finishUnit = (u) => {
    if (finished.has(u) || u.reused) return;
    finished.add(u);
    try {
      u.gen.finish();
      u.vc.obligations = u.gen.obligations;
      u.vc.defCheck = u.gen.defCheck;
      if (u.vc.obligations.some((ob) => !ob.query)) throw new Error("an obligation has no query");
    } catch (e) {
      if (e instanceof ResolveError) u.vc.error = { message: e.message, sp: e.sp };
      else u.vc.error = { message: `internal error: ${e.message}`, sp: u.vc.info.item.nameSp };
    }
  };
  return { parsed, lineMaps: lineMaps2, crate, checked, cvc, units, functions, diagnostics, selectedByFilter, finishUnit };
}
function cheatsIn(f) {
  const out = [];
  f.attrs.forEach((a, i) => {
    const sp = f.attrSps?.[i] ?? f.nameSp;
    const p = parseAttr(a);
    if (p.verifier && p.name === "external_body") out.push({ message: "#[verifier::external_body] not allowed with --no-cheating", sp });
    if (p.verifier && p.name === "assume_termination") out.push({ message: "#[verifier::assume_termination] not allowed with --no-cheating", sp, error: true });
  });
  const walk3 = (o) => {
    if (Array.isArray(o)) return o.forEach(walk3);
    if (!o || typeof o !== "object") return;
    const n = o;
    if (n.k === "assume" && n.sp) out.push({ message: "assume not allowed with --no-cheating", sp: n.sp });
    if (n.k === "call" && n.sp && n.callee?.k === "path" && n.callee.segs?.[n.callee.segs.length - 1] === "admit") out.push({ message: "admit not allowed with --no-cheating", sp: n.sp });
    for (const v of Object.values(o)) if (v && typeof v === "object") walk3(v);
  };
  walk3([f.requires, f.ensures, f.recommends, f.decreases, f.body]);
  return out;
}
function cheatingVC(info, gen, cheats) {
  for (const c of cheats) {
    gen.obligations.push({ kind: "assertion", message: c.message, sp: c.sp, scope: [], labels: [], trace: [], crossed: [], query: { mbqi: false, options: [], prelude: [], decls: [], facts: [], goal: "false" } });
  }
  return { info, obligations: [], callees: /* @__PURE__ */ new Set() };
}
function itemName2(it) {
  if (it.k === "fn" || it.k === "const" || it.k === "broadcast-group") return it.selfType ? `${it.selfType}::${it.name}` : it.name;
  if (it.k === "struct" || it.k === "enum" || it.k === "type") return it.name;
  return null;
}
function fmtPos(lm, off) {
  const p = lm.pos(off);
  return `${p.line}:${p.column}`;
}

// toolchain/verifier/proof-state-report.ts
var MAX_TEXT = 300;
function proofStateReport(raw, lineMaps2, texts) {
  const lm = lineMaps2.get(raw.file);
  const own = texts.get(raw.file);
  if (!lm || own === void 0) return void 0;
  const clip = (s2) => {
    const one = s2.replace(/\s+/g, " ").trim();
    return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}\u2026` : one;
  };
  const facts = raw.facts.map((f) => {
    const flm = lineMaps2.get(f.file) ?? lm;
    const text = texts.get(f.file) ?? "";
    return {
      kind: f.kind,
      file: f.file,
      span: flm.span(f.sp),
      text: clip(text.slice(f.sp.start, f.sp.end)),
      ...f.callee !== void 0 ? { callee: f.callee } : {},
      ...f.callSp ? { callLine: lm.pos(f.callSp.start).line } : {}
    };
  });
  const points = [];
  const seen = /* @__PURE__ */ new Set();
  for (const p of raw.points) {
    const line = lm.pos(p.sp.start).line;
    if (seen.has(line)) continue;
    seen.add(line);
    points.push({
      line,
      known: p.known,
      path: p.path.map((n) => ({ span: lm.span(n.sp), text: clip(own.slice(n.sp.start, n.sp.end)), negated: n.negated, kind: n.kind })),
      mutations: p.mutations
    });
  }
  return { facts, points };
}

// app/proof-session.ts
function functionKey(f) {
  return `${f.file}::${f.name}`;
}

// toolchain/verifier/solver-choice.ts
import { execFileSync } from "node:child_process";
var nativeChecked = null;
function nativeZ3Available() {
  if (nativeChecked === null) {
    try {
      execFileSync("z3", ["--version"], { stdio: "pipe", timeout: 5e3 });
      nativeChecked = true;
    } catch {
      nativeChecked = false;
    }
  }
  return nativeChecked;
}

// toolchain/verifier/index.ts
var RACER_GRACE_MS = 2e3;
var RACE_STAGGER_MS = 1500;
var timedOutQueries = /* @__PURE__ */ new Map();
var TIMED_OUT_MEMO_LIMIT = 1e4;
var pool = null;
var wasmIncremental = null;
function getPool(jobs) {
  if (pool && pool.size !== jobs) {
    const old = pool;
    pool = null;
    wasmIncremental = null;
    void old.shutdown();
  }
  if (!pool) pool = new SolverPool(jobs);
  return pool;
}
var profiler = null;
function getProfiler(jobs) {
  if (!profiler || profiler.size !== jobs) profiler = new ProfilingSolver(jobs);
  return profiler;
}
var nativeQueue = null;
var nativeIncremental = null;
function getNativeQueue(jobs) {
  if (!nativeQueue || nativeQueue.size !== jobs) {
    nativeQueue?.shutdown();
    nativeIncremental?.shutdown();
    nativeIncremental = null;
    nativeQueue = new NativeSolverQueue(jobs);
  }
  return nativeQueue;
}
function getIncrementalSolver(solver, jobs) {
  if (solver === "native") {
    const queue = getNativeQueue(jobs);
    nativeIncremental ??= new IncrementalSolver(new NativeSessionHost(queue));
    return nativeIncremental;
  }
  const p = getPool(jobs);
  wasmIncremental ??= new IncrementalSolver(new WasmSessionHost(p), { slowCheckMs: 2e3, oneShotAfterMs: null });
  return wasmIncremental;
}
var INCREMENTAL_CHECK_LIMIT_MS = { native: 1e3, wasm: 4e3 };
var bitvectorTerms = /* @__PURE__ */ new WeakMap();
function mentionsBitvectors(t) {
  if (typeof t === "string") return t === "int2bv";
  const known = bitvectorTerms.get(t);
  if (known !== void 0) return known;
  const r = t.some(mentionsBitvectors);
  bitvectorTerms.set(t, r);
  return r;
}
function ownPartUsesBitvectors(q) {
  return q.facts.some(mentionsBitvectors) || q.goal !== void 0 && mentionsBitvectors(q.goal);
}
var FALLBACK_PRIORITY = 1e9;
var EDITED_PRIORITY = 1e12;
var knownFunctionMs = /* @__PURE__ */ new Map();
var ESTIMATED_QUERY_MS = 30;
async function shutdownSolvers() {
  const p = pool;
  pool = null;
  nativeQueue?.shutdown();
  nativeQueue = null;
  nativeIncremental?.shutdown();
  nativeIncremental = null;
  wasmIncremental = null;
  if (p) await p.shutdown();
}
async function verifySources(files2, options) {
  const t0 = performance.now();
  if (options.signal) setMaxListeners(0, options.signal);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? 1e4;
  const solverName = options.solver ?? "wasm";
  const profile2 = options.profile === true;
  if (profile2 && solverName !== "native") throw new Error("--profile needs the native solver (z3 on PATH): the wasm build gives only part of the per-quantifier counts");
  let cache = null;
  if (options.useCache !== false && !profile2) {
    const spec = parseCacheSpec(options.cache ?? "local");
    if (typeof spec === "string") throw new Error(spec);
    cache = new ResultCache(openCacheBackend(spec, options.root));
  }
  const mine = (file) => inShard(file, options.shard);
  const diagnostics = [];
  const functions = [];
  const fe = await runFrontEnd(files2, { ...options, reuse: cache && !options.dumpSmtDir ? (key) => cache.getFunction(key) : void 0 });
  const { parsed, lineMaps: lineMaps2, crate, checked, cvc, units, finishUnit, selectedByFilter } = fe;
  diagnostics.push(...fe.diagnostics);
  functions.push(...fe.functions);
  let frontMs = performance.now() - t0;
  const selected = units.filter((u) => selectedByFilter(u.vc.info.qname, u.vc.info.item.name) && mine(u.file.path));
  const priority = new Set(options.priorityFiles ?? []);
  const ordered = [...selected.filter((u) => priority.has(u.file.path)), ...selected.filter((u) => !priority.has(u.file.path))];
  options.onStart?.({ total: functions.filter((f) => mine(f.file)).length + selected.length, affected: [...functions.filter((f) => mine(f.file)), ...selected.filter((u) => !u.reused).map((u) => ({ file: u.file.path, name: u.vc.info.qname }))].map(functionKey) });
  if (options.dumpSmtDir) {
    mkdirSync(options.dumpSmtDir, { recursive: true });
    for (const u of selected) {
      finishUnit(u);
      u.vc.obligations.forEach((ob, i) => {
        const name = `${u.vc.info.qname.replace(/[^A-Za-z0-9_]+/g, "_")}.${i}.${ob.kind}.smt2`;
        writeFileSync(path5.join(options.dumpSmtDir, name), ob.query ? printQuery(ob.query) : "");
      });
    }
  }
  let solverMs = 0;
  const timedOutKey = (key) => `${solverName}\0${key}`;
  const solve = async (query, variant, wantModel, how = {}) => {
    const { timeoutOverride, prof, priority: priority2 } = how;
    const q = printQuery(query, variant);
    const key = cacheKey(q, { wantModel: true });
    const hit = how.lookedUp ? null : await cache?.get(key);
    if (hit) return { r: hit, cached: true, key };
    const limit = timeoutOverride ?? timeoutMs;
    const memoKey = timedOutKey(key);
    const timedOutWith = timedOutQueries.get(memoKey);
    if (options.reuseTimeouts && !profile2 && timedOutWith !== void 0 && timedOutWith >= limit) {
      return { r: { result: "timeout", model: null, reason: `timed out after ${timedOutWith} ms in an earlier run; not re-solved until it changes (Verify retries it)`, ms: 0 }, cached: true, key };
    }
    const job = { query: q, timeoutMs: limit, wantModel: true, signal: options.signal, priority: priority2 };
    void wantModel;
    const runJob = (j) => {
      if (profile2) {
        return getProfiler(jobs).run(j).then((p) => {
          if (prof && p.started) {
            prof.queries++;
            if (!p.complete) prof.unprofiled++;
            addCounts(prof.counts, p.instances);
          }
          return p.r;
        });
      }
      return solverName === "native" ? getNativeQueue(jobs).run(j) : getPool(jobs).run(j);
    };
    let r;
    if (!how.alone && hasVerusConfiguration(query, variant) && ownPartUsesBitvectors(query)) {
      const ctrls = [new AbortController(), new AbortController()];
      const link = () => ctrls.forEach((c) => c.abort());
      options.signal?.addEventListener("abort", link, { once: true });
      let settled = false;
      const graces = [];
      const finish = (res, i) => {
        if (res.result === "sat" || res.result === "unsat") {
          settled = true;
          ctrls[1 - i].abort();
        } else if (res.result === "unknown") {
          graces.push(setTimeout(() => {
            if (!settled) ctrls[1 - i].abort();
          }, RACER_GRACE_MS));
        }
        return res;
      };
      let started;
      const startedSolving = new Promise((res) => started = res);
      const first = runJob({ ...job, signal: ctrls[0].signal, onStart: started }).then((x) => finish(x, 0));
      let second = null;
      const stagger = startedSolving.then(() => new Promise((res) => setTimeout(res, Math.min(RACE_STAGGER_MS, timeoutMs / 4))));
      await Promise.race([first, stagger]);
      if (!settled && !options.signal?.aborted) second = runJob({ ...job, query: printQuery(query, { ...variant, options: ALT_OPTIONS }), signal: ctrls[1].signal, urgent: true }).then((x) => finish(x, 1));
      const both = await Promise.all(second ? [first, second] : [first]);
      for (const g of graces) clearTimeout(g);
      options.signal?.removeEventListener("abort", link);
      const definitive = both.find((x) => x.result === "sat" || x.result === "unsat");
      r = definitive ?? both.find((x) => x.result === "unknown") ?? both[0];
      solverMs += both.reduce((n, x) => n + x.ms, 0);
    } else {
      r = await runJob(job);
      solverMs += r.ms;
    }
    if (r.result === "timeout" && solverName === "wasm" && !options.signal?.aborted && nativeZ3Available()) {
      const n = await getNativeQueue(jobs).run(job);
      solverMs += n.ms;
      if (n.result === "sat" || n.result === "unsat") r = { ...n, reason: "answered by native z3 after z3-solver timed out" };
    }
    await cache?.put(key, r);
    if (r.result === "timeout" && !options.signal?.aborted) {
      if (timedOutQueries.size >= TIMED_OUT_MEMO_LIMIT) timedOutQueries.clear();
      timedOutQueries.set(memoKey, Math.max(limit, timedOutWith ?? 0));
    } else if (r.result === "sat" || r.result === "unsat") timedOutQueries.delete(memoKey);
    return { r, cached: false, key };
  };
  const profileOf = (p) => {
    const quantifiers = [...p.counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([qid, instances]) => {
      const site = cvc.quantSpots.sites.get(qid);
      const lm = site && lineMaps2.get(site.file);
      return site && lm ? { qid, instances, file: site.file, span: lm.span(site.sp) } : { qid, instances };
    });
    return { instances: quantifiers.reduce((n, q) => n + q.instances, 0), queries: p.queries, unprofiled: p.unprofiled, quantifiers };
  };
  const incremental = options.incremental !== false && !profile2;
  const solveIncrementally = async (u, priority2, addMs, looked) => {
    const answers = /* @__PURE__ */ new Map();
    const inputs = [];
    for (const ob of u.vc.obligations) {
      const query = ob.query;
      const text = printQuery(query);
      if (ownPartUsesBitvectors(query)) continue;
      const key = cacheKey(text, { wantModel: true });
      const hit = await cache?.get(key);
      if (hit) {
        answers.set(ob, Promise.resolve({ r: hit, cached: true, key }));
        continue;
      }
      if (cache) looked.add(ob);
      const timedOutWith = timedOutQueries.get(timedOutKey(key));
      if (options.reuseTimeouts && timedOutWith !== void 0 && timedOutWith >= timeoutMs) continue;
      inputs.push({ item: ob, query, text, key });
    }
    if (options.signal?.aborted) return answers;
    const keys = new Map(inputs.map((x) => [x.item, x.key]));
    const plan = planIncremental(inputs);
    const settle = /* @__PURE__ */ new Map();
    for (const c of plan.checks) answers.set(c.item, new Promise((resolve2) => settle.set(c.item, resolve2)));
    const limit = Math.min(timeoutMs, INCREMENTAL_CHECK_LIMIT_MS[solverName]);
    const onAnswer = ({ item, r }) => {
      solverMs += r.ms;
      addMs(r.ms);
      const key = keys.get(item);
      if (r.result === "unsat") {
        void cache?.put(key, r);
        timedOutQueries.delete(timedOutKey(key));
        settle.get(item)?.({ r, cached: false, key });
      } else settle.get(item)?.(null);
      settle.delete(item);
    };
    void getIncrementalSolver(solverName, jobs).run({ plan, timeoutMs: limit, signal: options.signal, priority: priority2, onAnswer }).catch(() => void 0).finally(() => {
      for (const s2 of settle.values()) s2(null);
    });
    return answers;
  };
  const resultOf = (u, status) => ({
    name: u.vc.info.qname,
    file: u.file.path,
    span: u.lines.span(u.vc.info.item.sp),
    nameSpan: u.lines.span(u.vc.info.item.nameSp),
    mode: u.mode,
    status,
    timeMs: 0,
    cached: false,
    obligations: []
  });
  const sourceTexts = new Map(parsed.map((f) => [f.path, f.text]));
  const withoutUnaskedState = (r) => {
    if (options.proofState || !r.proofState) return r;
    const { proofState: _s, ...rest } = r;
    return rest;
  };
  const verifyUnit = async (u) => {
    if (u.reused) {
      const r = withoutUnaskedState({ ...u.reused, cached: true, timeMs: 0, obligations: u.reused.obligations.map(({ timeMs: _t, ...o }) => o) });
      options.onFunctionResult?.(r);
      return r;
    }
    const info = u.vc.info;
    const base = resultOf(u, "verified");
    if (u.vc.unsupported) {
      const r = { ...base, status: "unsupported", detail: `${u.vc.unsupported.message} at ${u.file.path}:${fmtPos(u.lines, u.vc.unsupported.sp.start)}` };
      r.obligations = [];
      diagnostics.push({ file: u.file.path, span: u.lines.span(u.vc.unsupported.sp), severity: "warning", message: `not verified: ${u.vc.unsupported.message}`, source: "stratos-verifier" });
      options.onFunctionResult?.(r);
      return r;
    }
    if (u.vc.error) {
      const r = { ...base, status: "error", detail: `${u.vc.error.message} at ${u.file.path}:${fmtPos(u.lines, u.vc.error.sp.start)}` };
      for (const err of u.vc.checkErrors ?? [u.vc.error]) diagnostics.push({ file: u.file.path, span: u.lines.span(err.sp), severity: "error", message: err.message, source: "stratos-verifier" });
      options.onFunctionResult?.(r);
      return r;
    }
    if (hasExternalBody(info.item.attrs)) base.detail = "trusted: #[verifier::external_body]";
    let allCached = u.vc.obligations.length > 0;
    let fnSolverMs = 0;
    const prof = profile2 ? { counts: /* @__PURE__ */ new Map(), queries: 0, unprofiled: 0 } : void 0;
    const withProfile = (r) => {
      if (prof) r.profile = profileOf(prof);
      return r;
    };
    const fnPriority = (priority.has(u.file.path) ? EDITED_PRIORITY : 0) + (knownFunctionMs.get(info.key) ?? u.vc.obligations.length * ESTIMATED_QUERY_MS);
    const looked = /* @__PURE__ */ new Set();
    const early = incremental ? await solveIncrementally(u, fnPriority, (ms) => fnSolverMs += ms, looked) : /* @__PURE__ */ new Map();
    const obs = await Promise.all(
      u.vc.obligations.map(async (ob) => {
        const query = ob.query;
        const pre = await early.get(ob);
        const { r, cached, key } = pre ?? await solve(query, {}, true, { prof, priority: early.has(ob) ? fnPriority + FALLBACK_PRIORITY : fnPriority, lookedUp: looked.has(ob) });
        if (!cached) {
          allCached = false;
          if (!pre) fnSolverMs += r.ms;
        }
        let res = r;
        if (r.result === "unknown" && /incomplete/i.test(r.reason) && !r.model) {
          const c1 = await solve(query, { mbqi: true }, true, { timeoutOverride: Math.min(3e3, timeoutMs), prof });
          if (c1.r.result === "sat" && c1.r.model) res = { ...r, model: c1.r.model };
          else if (!options.signal?.aborted) {
            const c = await solve(query, { dropQuantifiedFacts: true }, true, { timeoutOverride: Math.min(3e3, timeoutMs), prof });
            if (c.r.result === "sat" && c.r.model) res = { ...r, model: c.r.model, reason: `${r.reason}; candidate model without the quantified facts` };
          }
          if (res.model) await cache?.put(key, res);
        }
        const out = toObligationResult(ob, res, u, crate, checked, timeoutMs, lineMaps2);
        if (!cached) out.timeMs = Math.round(r.ms);
        return out;
      })
    );
    if (u.vc.defCheck) {
      const { r } = await solve(u.vc.defCheck, {}, false, { timeoutOverride: Math.min(5e3, timeoutMs), prof, alone: true });
      if (r.result === "error") {
        const message = `the definition of spec fn \`${info.qname}\` cannot be encoded: solver error: ${r.reason}`;
        diagnostics.push({ file: u.file.path, span: u.lines.span(info.item.nameSp), severity: "error", message, source: "stratos-verifier" });
        const res = withProfile({ ...base, obligations: obs, status: "error", detail: `${message} at ${u.file.path}:${fmtPos(u.lines, info.item.nameSp.start)}` });
        options.onFunctionResult?.(res);
        return res;
      }
    }
    base.obligations = obs;
    base.timeMs = Math.round(fnSolverMs * 10) / 10;
    base.cached = allCached;
    if (!allCached && !options.signal?.aborted) knownFunctionMs.set(info.key, fnSolverMs);
    base.status = functionStatus(obs);
    if (options.signal?.aborted && base.status !== "verified" && obs.some((o) => /\(canceled\)$/.test(o.message))) {
      base.status = "timeout";
      base.detail = "canceled";
    }
    const errOb = obs.find((o) => o.status === "unknown" && /^solver error/.test(o.message));
    if (errOb) {
      base.status = "error";
      base.detail = errOb.message;
    }
    withProfile(base);
    const state = proofStateReport(u.gen.proofState.result(), lineMaps2, sourceTexts);
    if (state) base.proofState = state;
    if (u.key !== void 0 && base.status === "verified" && !options.signal?.aborted) await cache?.putFunction(u.key, { result: base, callees: [...u.vc.callees] });
    const reported2 = withoutUnaskedState(base);
    options.onFunctionResult?.(reported2);
    return reported2;
  };
  const results = /* @__PURE__ */ new Map();
  for (const u of ordered) {
    if (options.signal?.aborted) {
      results.set(u, Promise.resolve({ ...resultOf(u, "timeout"), detail: "canceled" }));
      continue;
    }
    const t = performance.now();
    finishUnit(u);
    frontMs += performance.now() - t;
    results.set(u, verifyUnit(u));
    await new Promise((resolve2) => setImmediate(resolve2));
  }
  for (const u of selected) functions.push(await results.get(u));
  if (!functions.length && !units.length && !options.functionFilter) {
    for (const f of parsed.filter((x) => !isLibraryFile(x.path))) {
      const r = { name: `<no verus! function in ${f.path}>`, file: f.path, span: lineMaps2.get(f.path).span({ start: 0, end: 0 }), mode: "exec", status: "unsupported", timeMs: 0, cached: false, obligations: [], detail: "unsupported: nothing verified: no function inside `verus! { }` (plain Rust outside it is not checked)" };
      functions.push(r);
      if (mine(f.path)) options.onFunctionResult?.(r);
    }
  }
  const reported = options.shard ? functions.filter((f) => mine(f.file)) : functions;
  const reportedDiagnostics = options.shard ? diagnostics.filter((d) => mine(d.file)) : diagnostics;
  if (cache?.warning) {
    const at = { line: 1, column: 1 };
    reportedDiagnostics.push({ file: "", span: { start: at, end: at }, severity: "warning", message: cache.warning, source: "stratos-cache" });
  }
  await cache?.flush();
  const summary = {
    functions: reported.length,
    verified: reported.filter((f) => f.status === "verified").length,
    failed: reported.filter((f) => f.status === "failed").length,
    timeout: reported.filter((f) => f.status === "timeout").length,
    unsupported: reported.filter((f) => f.status === "unsupported").length,
    error: reported.filter((f) => f.status === "error").length,
    obligations: reported.reduce((n, f) => n + f.obligations.length, 0),
    solverMs: Math.round(solverMs),
    wallMs: Math.round(performance.now() - t0),
    ...cache ? { cacheHits: cache.hits, cacheMisses: cache.misses, functionCacheHits: cache.functionHits } : {}
  };
  lastFrontEndMs = frontMs;
  return { version: 1, functions: reported, diagnostics: reportedDiagnostics, summary, ...options.shard ? { shard: { ...options.shard } } : {} };
}
var lastFrontEndMs = 0;
function functionStatus(obs) {
  if (obs.some((o) => o.status === "failed")) return "failed";
  if (obs.some((o) => o.status === "timeout")) return "timeout";
  if (obs.some((o) => o.status === "unknown")) return "failed";
  return "verified";
}
function timeoutHint(ob, limitMs) {
  const q = ob.query;
  const tips = [`verify it again with a longer limit (it had ${limitMs / 1e3} s)`];
  if (q && ownPartUsesBitvectors(q)) tips.push("if the goal is about bits, prove it in an `assert(..) by(bit_vector)` step");
  if (q && (q.facts.some(hasQuantifier) || q.goal !== void 0 && hasQuantifier(q.goal))) tips.push("profile the function to see which quantifiers fired most (a trigger that matches too much), then add an intermediate `assert` or a narrower trigger");
  else tips.push("split the proof with intermediate `assert`s so each step is small");
  return `Try: ${tips.join("; ")}.`;
}
function toObligationResult(ob, r, u, crate, checked, limitMs, lineMaps2) {
  const res = {
    kind: ob.kind,
    status: "proved",
    span: u.lines.span(ob.sp),
    message: ob.message
  };
  if (ob.note) res.message = ob.note.kind === "custom_err" ? ob.note.text : `${ob.message} (note: ${ob.note.text})`;
  if (ob.related) {
    const lm = ob.relatedFile ? lineMaps2.get(ob.relatedFile) : u.lines;
    if (lm) res.relatedSpan = lm.span(ob.related);
    if (ob.relatedFile) res.relatedFile = ob.relatedFile;
  }
  if (ob.assertion) res.assertion = ob.assertion;
  switch (r.result) {
    case "unsat":
      res.status = "proved";
      break;
    case "unknown":
    case "sat": {
      if (r.result === "unknown" && !/incomplete/i.test(r.reason)) {
        res.status = "unknown";
        res.message = `${ob.message} (solver returned unknown${r.reason ? ": " + r.reason : ""})`;
        break;
      }
      res.status = "failed";
      try {
        const model = r.model ? parseModel(r.model) : null;
        const reader = model ? new ModelReader(crate, model) : null;
        const variables = reader ? reader.variables(ob.scope) : [];
        const check = reader ? checkCounterexample(crate, checked, u.vc.info, ob, reader, u.lines) : { check: "unchecked", detail: "no model" };
        const path7 = reader ? ob.trace.filter((t) => reader.truth(t.cond) === true).map((t) => t.label) : ob.labels;
        res.counterexample = { variables, path: path7, check: check.check, checkDetail: check.detail };
        if (check.span) res.counterexample.checkSpan = u.lines.span(check.span);
      } catch (e) {
        res.counterexample = { variables: [], path: ob.labels, check: "unchecked", checkDetail: `could not read the model: ${e.message}` };
      }
      break;
    }
    case "timeout":
      res.status = "timeout";
      res.message = `${ob.kind} not proved within ${limitMs / 1e3} s`;
      if (/earlier run/.test(r.reason)) res.message += ` (${r.reason})`;
      res.hint = timeoutHint(ob, limitMs);
      break;
    case "canceled":
      res.status = "unknown";
      res.message = `${ob.message} (canceled)`;
      break;
    case "error":
      res.status = "unknown";
      res.message = `solver error: ${r.reason}`;
      break;
  }
  return res;
}

// scripts/probe-edit2.ts
var root = "/tmp/kw";
var files = /* @__PURE__ */ new Map();
var walk2 = (d) => {
  for (const f of readdirSync3(d)) {
    const p = path6.join(d, f);
    if (statSync2(p).isDirectory()) walk2(p);
    else if (p.endsWith(".rs")) files.set(path6.relative(root, p), readFileSync5(p, "utf8"));
  }
};
walk2(path6.join(root, "src"));
var target = "src/mm/page_alloc.rs";
var lines = files.get(target).split("\n");
var fnLine = lines.findIndex((l) => /^\s*pub fn \w+/.test(l) || /^\s*fn \w+/.test(l));
var body = lines.findIndex((l, i) => i > fnLine && /^\s*\{\s*$/.test(l));
lines.splice(body + 1, 0, "        assert(0 < 1000);");
var opts = { root, solver: "native", useCache: true, proofState: true, reuseTimeouts: true };
files.set(target, lines.join("\n"));
await verifySources(files, opts);
var s = new Session();
s.connect();
await s.post("Profiler.enable");
await s.post("Profiler.start");
for (let i = 0; i < 6; i++) {
  const l2 = lines.slice();
  l2[body + 1] = `        assert(0 < 1000${i}${Date.now() % 1e5});`;
  files.set(target, l2.join("\n"));
  const t = performance.now();
  let first = 0, started = 0, affected = 0;
  const rep = await verifySources(new Map(files), { ...opts, priorityFiles: [target], onStart: (x) => {
    started = performance.now() - t;
    affected = x.affected.length;
  }, onFunctionResult: (r) => {
    if (r.name === "PageAllocator::new" && !first) first = performance.now() - t;
  } });
  console.log(`edit ${i}: onStart ${started.toFixed(0)} affected ${affected} verdict ${first.toFixed(0)} done ${(performance.now() - t).toFixed(0)} notcached ${rep.functions.filter((f) => !f.cached).length}`);
}
var { profile } = await s.post("Profiler.stop");
writeFileSync2("/tmp/exp/edit.cpuprofile", JSON.stringify(profile));
await shutdownSolvers();
