// Runs the reference sindresorhus/awesome-lint over one folder's readme.md, with awesome-github turned off,
// and prints its messages as JSON lines: {"file", "line", "column", "rule", "message"}.
// Usage: node awesome_lint_reference.mjs NODE_MODULES_DIR LIST_FOLDER
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const [modules, folder] = process.argv.slice(2);
const load = async name => import(pathToFileURL(path.join(modules, 'awesome-lint', name)).href);
const {default: lint} = await load('index.js');
const {createConfig} = await load('config.js');
const {createRules} = await load('rules/index.js');

const rules = createRules().filter(([rule]) => rule.name !== 'remark-lint:awesome-github');
const vfiles = await lint({filename: path.join(folder, 'readme.md'), config: createConfig(rules)});
for (const vfile of vfiles) {
	for (const message of vfile.messages) {
		console.log(JSON.stringify({
			file: path.basename(vfile.path),
			line: message.line ?? 0,
			column: message.column ?? 0,
			rule: message.ruleId ?? message.source,
			message: message.reason,
		}));
	}
}
