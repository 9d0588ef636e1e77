// A plain-text rendering of the posture document for terminals: the areas, then the findings
// grouped by object (worst first) and wrapped to the terminal's width, then how to fix each
// failing check once, then what could not be assessed.
import type { SourceLocation } from '../cluster/source-location';
import { severityRank } from '../posture/scoring';
import type { CheckResult, Finding, PostureDocument, ResourceRef } from '../posture/types';
import { formatFixFirst } from './format-attack-paths';

export interface TableOptions {
  /** Columns to wrap to (process.stdout.columns, else 100). */
  width?: number;
  locate?: (ref: ResourceRef) => SourceLocation | undefined;
}

const MIN_WIDTH = 60;
const AREA_TITLE_WIDTH = 34;
const AREA_WIDTHS = [6, 5, 5, 5, 5, 11];
const AREA_NUMBERS_WIDTH = AREA_WIDTHS.reduce((a, b) => a + b + 1, 0) + 1;
const SEVERITY_LABEL = { critical: 'CRIT', high: 'HIGH', medium: 'MED', low: 'LOW', info: 'INFO' } as const;
const FINDING_INDENT = '  ';
const LABEL_WIDTH = 6;

export function formatTable(doc: PostureDocument, opts: TableOptions = {}): string {
  const width = Math.max(MIN_WIDTH, opts.width ?? 100);
  const lines: string[] = [];
  const version = doc.cluster.version ? `, ${doc.cluster.version}` : '';
  lines.push(...wrap(`kube-posture  cluster ${doc.cluster.name} (${doc.cluster.source}${version})  score ${doc.score}/100`, width));
  lines.push('');
  // Continuation lines of a long fix-first line keep its own indentation.
  for (const l of formatFixFirst(doc)) {
    const indent = /^ */.exec(l)![0];
    lines.push(...(l.length <= width ? [l] : hanging(indent, l.slice(indent.length), width, indent.length + 2)));
  }
  // The area titles give way on a narrow terminal; the numbers keep their columns.
  const widths = [Math.min(AREA_TITLE_WIDTH, width - AREA_NUMBERS_WIDTH), ...AREA_WIDTHS];
  lines.push(row(['AREA', 'SCORE', 'CRIT', 'HIGH', 'MED', 'LOW', 'COVERAGE'], widths));
  for (const a of doc.areas) {
    const counts = (['critical', 'high', 'medium', 'low'] as const).map((s) => String(a.counts[s]));
    lines.push(row([cut(a.title, widths[0]!), a.score === null ? 'n/a' : String(a.score), ...counts, a.coverage?.status ?? ''], widths));
  }

  const groups = byObject(doc.findings);
  lines.push('');
  lines.push(`FINDINGS  ${doc.findings.length} on ${groups.length} object${groups.length === 1 ? '' : 's'}`);
  for (const g of groups) {
    const where = opts.locate?.(g.resource);
    const at = where ? ` (${where.file}${where.line ? `:${where.line}` : ''})` : '';
    lines.push('');
    const owner = g.findings.find((f) => f.owner)?.owner;
    lines.push(...wrap(objectName(g.resource) + at + (owner ? ` (owner ${owner})` : ''), width));
    for (const f of g.findings) {
      lines.push(...hanging(FINDING_INDENT + SEVERITY_LABEL[f.severity].padEnd(LABEL_WIDTH), `${f.message} [${f.checkId}]${triageNote(f)}`, width));
    }
  }

  const failing = firstPerCheck(doc.findings);
  if (failing.length) {
    lines.push('');
    lines.push('HOW TO FIX');
    for (const f of failing) {
      lines.push(...hanging('  ', `${f.checkId}: ${firstLine(f.remediation)}`, width, 4));
    }
  }

  // Many checks share one reason (no kube-apiserver pod, no Node objects): say each reason once.
  const notAssessed = new Map<string, CheckResult[]>();
  for (const c of doc.checks.filter((x) => !x.assessed)) {
    const reason = c.reason ?? 'no reason given';
    notAssessed.set(reason, [...(notAssessed.get(reason) ?? []), c]);
  }
  if (notAssessed.size) {
    lines.push('');
    lines.push('NOT ASSESSED');
    for (const [reason, checks] of notAssessed) {
      lines.push(...hanging('  ', reason.replace(/\.$/, '') + ':', width, 4));
      lines.push(...hanging('    ', checks.map((c) => c.id).join(', '), width));
    }
  }
  // Objects an assessed check could not judge (another engine's policies, a selector it cannot read).
  const unjudged = doc.checks.flatMap((c) => (c.notAssessedFor ?? []).map((o) => ({ c, o })));
  if (unjudged.length) {
    lines.push('');
    lines.push('NOT ASSESSED FOR SOME OBJECTS');
    for (const { c, o } of unjudged) {
      lines.push(...hanging('  ', `${objectName(o.resource)} [${c.id}]: ${o.reason}`, width, 4));
    }
  }
  return lines.join('\n') + '\n';
}

interface Group {
  resource: ResourceRef;
  findings: Finding[];
}

/** Findings per object, objects ordered by their worst finding then by name. */
function byObject(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = objectName(f.resource);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { resource: f.resource, findings: [] }));
    g.findings.push(f);
  }
  const worst = (g: Group) => Math.min(...g.findings.map((f) => severityRank(f.severity)));
  for (const g of groups.values()) g.findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return [...groups.values()].sort((a, b) => worst(a) - worst(b) || objectName(a.resource).localeCompare(objectName(b.resource)));
}

function firstPerCheck(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(f.checkId)) seen.set(f.checkId, f);
  return [...seen.values()].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.checkId.localeCompare(b.checkId));
}

/** Why a listed finding is not counted, or why it is again (lib/posture/triage). */
function triageNote(f: Finding): string {
  if (f.accepted) return ` (accepted until ${f.accepted.expires}, owner ${f.accepted.owner})`;
  if (f.expected) return ` (by design: ${f.expected.component})`;
  if (f.expiredException) return ` (exception expired ${f.expiredException.expires})`;
  return '';
}

function objectName(r: ResourceRef): string {
  return `${r.kind} ${r.namespace ? r.namespace + '/' : ''}${r.name}`;
}

/** The remediation's first line: its prose; the YAML that may follow stays in --format json. */
function firstLine(text: string): string {
  const lines = text.split('\n');
  const first = lines[0]!.trim();
  return lines.length > 1 ? `${first.replace(/:$/, '.')} (example in --format json)` : first;
}

/** `prefix` then `text` wrapped; continuation lines indented to the prefix's width, or `indent`. */
function hanging(prefix: string, text: string, width: number, indent = prefix.length): string[] {
  return wrap(text, width - prefix.length, width - indent).map((l, i) => (i === 0 ? prefix : ' '.repeat(indent)) + l);
}

/**
 * Greedy word wrap (the first line `width` wide, the others `restWidth`); a word longer than a
 * line is cut. Control characters are neutralised.
 */
export function wrap(text: string, width: number, restWidth = width): string[] {
  const out: string[] = [];
  const w = () => Math.max(10, out.length === 0 ? width : restWidth);
  let line = '';
  for (let word of clean(text.replace(/[\t\n\r]/g, ' '))
    .split(/\s+/)
    .filter(Boolean)) {
    while (word.length > w()) {
      if (line) {
        out.push(line);
        line = '';
        continue;
      }
      const cut = w();
      out.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= w()) line += ' ' + word;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line || out.length === 0) out.push(line);
  return out;
}

function cut(s: string, width: number): string {
  return s.length > width ? s.slice(0, width - 1) + '…' : s;
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => clean(c).padEnd(widths[i] ?? 0))
    .join(' ')
    .trimEnd();
}

// Control characters from cluster objects must not drive the terminal.
function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
