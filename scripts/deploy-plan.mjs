#!/usr/bin/env node
/**
 * `npm run deploy:plan` — a manual checklist; `npm run deploy` (scripts/deploy/) plans and applies all of this
 * itself (docs/deploy.md). Prints what a WeChat Cloud environment needs, from the files the local cloud
 * uses: the collections and indexes of config/collections.json (create them in 云开发控制台 → 数据库),
 * each function's environment variables (names only; set real secret values in the console), and the
 * security rules of config/security/ (functions and storage) with where to paste them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { collections } = JSON.parse(fs.readFileSync(path.join(root, 'config/collections.json'), 'utf8'));
const env = JSON.parse(fs.readFileSync(path.join(root, 'config/local-functions.env.json'), 'utf8'));

console.log(
  '集合与索引 / Collections and indexes (数据库 → 添加集合; 权限设置: 所有用户不可读写 — all access goes through cloud functions)',
);
for (const { name, indexes = [] } of collections) {
  console.log(`\n  ${name}`);
  for (const index of indexes) {
    const keys = index.keys
      .map((k) => `${k.field} ${k.direction === '2dsphere' ? '地理位置' : k.direction === 1 ? '升序' : '降序'}`)
      .join(', ');
    console.log(`    索引 ${index.name}: ${keys}${index.unique ? '  (唯一 unique)' : ''}`);
  }
}
console.log('\n云函数环境变量 / Function environment variables (云函数 → 函数配置 → 环境变量; use new random secrets)');
for (const [fn, vars] of Object.entries(env)) {
  if (fn.startsWith('_')) continue;
  console.log(
    `  ${fn}: ${Object.keys(vars).join(', ') || '(none)'}${fn === 'api' ? ', SUBSCRIBE_TEMPLATE_IDS (optional JSON of template ids)' : ''}`,
  );
}
console.log('\n安全规则 / Security rules (paste each file as it is; the local cloud applies the same files)');
const rules = [
  ['config/security/functions.json', '云开发控制台 → 云函数 → 权限控制 (云函数安全规则)'],
  ['config/security/storage.json', '云开发控制台 → 存储 → 权限设置 → 自定义安全规则 (云存储安全规则)'],
];
for (const [file, where] of rules) {
  console.log(`\n  ${file} → ${where}`);
  console.log(fs.readFileSync(path.join(root, file), 'utf8').trimEnd().replace(/^/gm, '    '));
}
