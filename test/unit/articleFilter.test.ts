import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ArticleFilter } from '../../server/src/files/articleFilter';

const root = path.resolve('/news');
const at = (relative: string): string => path.join(root, ...relative.split('/'));

test('exclude patterns take files, whole folders, and names at any depth', () => {
  const filter = new ArticleFilter([root], { include: [], exclude: ['archive/**', 'drafts', '*.notes.txt', 'wire/2019/'] });
  const excluded = ['archive/a.txt', 'archive/2019/b.txt', 'drafts/c.txt', 'desk/drafts/d.txt', 'e.notes.txt', 'desk/f.notes.txt', 'wire/2019/g.txt'];
  const kept = ['a.txt', 'desk/archive/a.txt', 'desk/drafts.txt', 'e.notes.md.txt', 'wire/2020/g.txt', 'wire/2019.txt'];
  for (const file of excluded) assert.equal(filter.accepts(at(file)), false, `${file} is excluded`);
  for (const file of kept) assert.equal(filter.accepts(at(file)), true, `${file} is kept`);
  for (const folder of ['archive', 'archive/2019', 'drafts', 'desk/drafts', 'wire/2019']) assert.equal(filter.excludes(at(folder)), true, `${folder} need not be listed`);
  for (const folder of ['desk', 'wire', 'desk/archive']) assert.equal(filter.excludes(at(folder)), false, `${folder} is listed`);
});

test('include patterns narrow the files to check, and exclusion wins over inclusion', () => {
  const filter = new ArticleFilter([root], { include: ['articles/**', 'briefs/*.txt'], exclude: ['articles/old/**'] });
  assert.equal(filter.accepts(at('articles/2024/a.txt')), true);
  assert.equal(filter.accepts(at('briefs/b.txt')), true);
  assert.equal(filter.accepts(at('briefs/deep/b.txt')), false);
  assert.equal(filter.accepts(at('notes.txt')), false);
  assert.equal(filter.accepts(at('articles/old/c.txt')), false);
});

test('patterns are relative to the folder holding the file, the innermost of nested folders, and files elsewhere are kept', () => {
  const inner = path.join(root, 'desk');
  const filter = new ArticleFilter([root, inner], { include: [], exclude: ['./local/**'] });
  assert.equal(filter.accepts(path.join(inner, 'local', 'a.txt')), false);
  assert.equal(filter.accepts(path.join(root, 'local', 'a.txt')), false);
  assert.equal(filter.accepts(path.join(root, 'desk', 'other', 'local', 'a.txt')), true);
  assert.equal(filter.accepts(path.resolve('/elsewhere/local/a.txt')), true);
  assert.equal(new ArticleFilter([root], { include: ['', '  '], exclude: [] }).accepts(at('a.txt')), true, 'blank patterns are ignored');
});
