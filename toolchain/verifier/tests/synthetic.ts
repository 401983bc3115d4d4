// A synthetic 10,000-line source (1,430 small verified functions), shared by the parser's test
// (it parses whole) and the verifier benchmark (how fast).

export function syntheticBigFile(): string {
  const fn = `fn f_N(x: u64) -> (r: u64)\n    requires x < 100,\n    ensures r == x + 1,\n{\n    let y = x + 1;\n    if y > 3 { y } else { y }\n}\n`;
  const parts: string[] = [];
  for (let i = 0; i < 1430; i++) parts.push(fn.replace('N', String(i)));
  return `verus! {\n${parts.join('')}}\n`;
}
