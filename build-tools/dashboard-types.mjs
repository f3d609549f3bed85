// Writes one TypeScript module per Grafana dashboard so that tsc checks it against the
// @grafana/schema types of the pinned Grafana (build-tools/check-dashboards.sh, docs/grafana.md).
// The JSON goes in as object literals, not as an imported .json file: only literals get
// TypeScript's excess-property check, which is what catches a misspelt or unknown field.
// Each panel is checked on its own against the options and field config of its panel type.
//
//   node build-tools/dashboard-types.mjs <dashboards dir> <out dir>
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';

const [dir, out] = process.argv.slice(2);
// By relative path: the package's exports map does not resolve its .d.ts files by subpath.
const PANELCFG = '../node_modules/@grafana/schema/dist/types/raw/composable';
// Panel type -> its generated module and whether that declares a custom FieldConfig (stat has
// none: its custom field config stays a free-form record). A panel type not listed here fails the
// check: add it (the module exists in @grafana/schema for every core panel).
const PANEL_TYPES = {
  timeseries: [`${PANELCFG}/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen`, true],
  stat: [`${PANELCFG}/stat/panelcfg/x/StatPanelCfg_types.gen`, false],
  table: [`${PANELCFG}/table/panelcfg/x/TablePanelCfg_types.gen`, true],
  barchart: [`${PANELCFG}/barchart/panelcfg/x/BarChartPanelCfg_types.gen`, true],
};

const prelude = `import type { Dashboard, Panel, DataSourceRef } from '@grafana/schema';
// Enums loosened: JSON carries their string values, which TypeScript will not narrow to a
// string enum member. Structure, field names and optionality stay as the schema has them.
type Loose<T> = T extends string ? string
  : T extends number ? number
  : T extends boolean ? boolean
  : T extends ReadonlyArray<infer U> ? Array<Loose<U>>
  : T extends object ? { [K in keyof T]: Loose<T[K]> }
  : T;
// The official ClickHouse data source's query (grafana-clickhouse-datasource 4.x, SQL editor).
interface ClickHouseQuery {
  refId: string;
  datasource: { type: 'grafana-clickhouse-datasource'; uid: string };
  editorType: 'sql';
  queryType: 'timeseries' | 'table';
  format: 0 | 1;
  rawSql: string;
  pluginVersion?: string;
  hide?: boolean;
}
type CheckedPanel<O, F> = Loose<Omit<Panel<O, F>, 'targets' | 'datasource' | 'options'>> & {
  datasource: DataSourceRef;
  targets: ClickHouseQuery[];
  options: Loose<O>;
};
type CheckedDashboard = Loose<Omit<Dashboard, 'panels'>> & { panels: unknown[] };
`;

mkdirSync(out, { recursive: true });
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`dashboard-types: no *.json in ${dir}`);
  process.exit(1);
}
for (const f of files) {
  const d = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const imports = new Set();
  const lines = [];
  const panels = d.panels || [];
  panels.forEach((p, i) => {
    const [mod, hasFieldConfig] = PANEL_TYPES[p.type] || [];
    if (!mod) {
      console.error(`dashboard-types: ${f} panel ${p.id} has type '${p.type}', not in PANEL_TYPES`);
      process.exit(1);
    }
    const alias = p.type.replace(/[^a-z]/g, '');
    const fieldConfig = hasFieldConfig ? `, FieldConfig as ${alias}FieldConfig` : '';
    imports.add(`import type { Options as ${alias}Options${fieldConfig} } from '${mod}';`);
    const fc = hasFieldConfig ? `${alias}FieldConfig` : 'Record<string, unknown>';
    lines.push(`export const panel${i}: CheckedPanel<${alias}Options, ${fc}> = ${JSON.stringify(p, null, 2)};`);
  });
  const dashboard = { ...d, panels: [] };
  lines.push(`export const dashboard: CheckedDashboard = ${JSON.stringify(dashboard, null, 2)};`);
  writeFileSync(join(out, basename(f, '.json') + '.ts'), prelude + [...imports].join('\n') + '\n' + lines.join('\n') + '\n');
}
console.log(`dashboard-types: ${files.length} dashboard(s) written to ${out}`);
