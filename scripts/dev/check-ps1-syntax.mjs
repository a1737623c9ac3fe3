// Syntax check of a PowerShell script where no PowerShell runs (Linux, no pwsh): parses it with
// the tree-sitter PowerShell grammar and lists the ERROR / MISSING nodes. It checks syntax only:
// not cmdlet names, parameters, types or what the script does.
//
//   cd "$(mktemp -d)" && npm install tree-sitter@0.25.1 tree-sitter-powershell@0.26.4
//   node /path/to/wudoctor/scripts/dev/check-ps1-syntax.mjs /path/to/wudoctor/scripts/Collect-WudoctorEvidence.ps1
//
// (run from the folder where the two packages are installed). The grammar (0.26.4) does not know
// PowerShell's numeric multipliers (1MB, 16KB): they are expanded to plain numbers before parsing.
import fs from 'fs';
import { createRequire } from 'module';

const require = createRequire(process.cwd() + '/');
const Parser = require('tree-sitter');
const PowerShell = (await import(require.resolve('tree-sitter-powershell'))).default;

const file = process.argv[2];
const units = { KB: 1 << 10, MB: 1 << 20, GB: 1 << 30 };
const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
    .replace(/\b(\d+)(KB|MB|GB)\b/g, (_, n, u) => String(Number(n) * units[u]));
const parser = new Parser();
parser.setLanguage(PowerShell);
const tree = parser.parse((i) => source.slice(i, i + 4096));
let errors = 0;
(function walk(node) {
    if (node.type === 'ERROR' || node.isMissing) {
        errors++;
        const text = source.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 80)).replace(/\s+/g, ' ');
        console.log(`${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.isMissing ? 'missing' : 'syntax error'}: ${text}`);
    }
    for (let i = 0; i < node.childCount; i++) {
        walk(node.child(i));
    }
})(tree.rootNode);
console.log(`${errors} syntax errors in ${file}`);
process.exit(errors ? 1 : 0);
