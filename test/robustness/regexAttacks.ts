/**
 * Finds every regular expression literal in the product's source and builds inputs meant to make it
 * backtrack: repetitions of its own words and of characters that sit on both sides of a quantifier,
 * ending in a character that makes the match fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface FoundRegex {
  /** file:line, relative to the repository. */
  where: string;
  source: string;
  flags: string;
}

/** Regular expression literals and `new RegExp('…', '…')` calls with literal arguments under `dirs`. */
export function findRegexes(root: string, dirs: string[]): FoundRegex[] {
  const found: FoundRegex[] = [];
  const visitFile = (file: string): void => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node): string => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const literal = node.text;
        const slash = literal.lastIndexOf('/');
        found.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags))) found.push({ where: where(node), source: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) visitFile(full);
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return found;
}

/** Pieces that, repeated, match many ways under nested or adjacent quantifiers. */
const PUMPS = ['a', 'A', 'Ab ', '1', '12', ' ', '\t', '\n', '\r\n', 'a ', '1 ', 'a.', 'a. ', '.', '. ', ',', ', ', '-', '—', '"', '“', "'", '’', '()', ':', '1:', '1.', 'a-', 'a1', 'aA', '1 am ', '$1,', '#', '/', 'a/', '@'];
const ENDINGS = ['!', '\u0000', ''];
const LENGTH = 200;

/** Inputs of about LENGTH characters for one expression. */
export function attacksFor(regex: FoundRegex): string[] {
  // Words the expression spells out ("posted", "on", "am"), with escapes removed so `\s` gives no "s".
  const words = new Set(regex.source.replace(/\\./g, ' ').match(/[A-Za-z]{2,}/g) ?? []);
  const pumps = new Set(PUMPS);
  for (const word of words) for (const shape of [`${word} `, word, `${word}, `, `${word} Ab `, `1 ${word} `]) pumps.add(shape);
  const attacks: string[] = [];
  for (const pump of pumps) {
    const body = pump.repeat(Math.ceil(LENGTH / pump.length));
    for (const ending of ENDINGS) attacks.push(body + ending);
  }
  return attacks;
}
