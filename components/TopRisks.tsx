import { objectHref } from '@/lib/posture/object-view';
import { isFixFirst, topRisks } from '@/lib/posture/top-risks';
import type { Finding } from '@/lib/posture/types';
import { PostureLink as Link } from './PostureLink';
import { Remediation, splitRemediation } from './Remediation';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';

/** Lines of a risk's patch shown without a click: the ones after its kind/name header. */
const PREVIEW_LINES = 6;

/**
 * The few findings that matter most (see topRisks). The first shows its patch without a click;
 * the others keep theirs behind a disclosure, so the list stays short enough to leave the rest
 * of a page in view (sixteen open previews made the overview 8,500 px tall on a phone).
 */
export function TopRisks({ findings, limit = 8 }: { findings: Finding[]; limit?: number }) {
  const top = topRisks(findings, limit);
  if (top.length === 0) return <p className="text-slate-500">No findings.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Top risks">
      {top.map((f, i) => (
        <li key={`${f.checkId}/${f.resource.kind}/${f.resource.namespace}/${f.resource.name}/${i}`} className="flex flex-col gap-1 py-2 sm:flex-row sm:gap-3">
          <span className={`h-fit w-fit shrink-0 rounded px-1.5 py-0.5 text-center text-xs font-semibold sm:min-w-16 ${SEVERITY_BADGE[f.severity]}`}>
            {SEVERITY_LABEL[f.severity]}
          </span>
          <div className="min-w-0">
            <p className="font-medium text-slate-900 [overflow-wrap:anywhere]">{f.message}</p>
            <p
              className="font-mono text-xs text-slate-700 [overflow-wrap:anywhere]"
              title={`${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name}`}
            >
              <Link href={objectHref(f.resource)} className="underline decoration-slate-300 hover:decoration-slate-600">
                {f.resource.kind} {f.resource.namespace ? `${f.resource.namespace}/` : ''}
                {f.resource.name}
              </Link>
            </p>
            <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">{isFixFirst(f) ? f.title : `Fails “${f.title}”`}</p>
            <FixPreview finding={f} preview={i === 0} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * The fix at a glance: its sentence, then (with `preview`) the first lines of its YAML that change
 * something and the whole fix behind a click, or else the whole fix behind a click at once.
 */
function FixPreview({ finding: f, preview }: { finding: Finding; preview: boolean }) {
  const parts = splitRemediation(f.remediation);
  // A fix-first change's sentence is the risk's own headline already.
  const sentence = isFixFirst(f) ? undefined : parts.find((p) => p.kind === 'text')?.value.split('\n')[0];
  const yaml = parts.find((p) => p.kind === 'yaml')?.value.split('\n');
  // A whole object opens with apiVersion/kind/metadata: start at the body, where the fields are.
  // A patch (a fix-first change) is all body, its comments included.
  const body = yaml ? yaml.slice(bodyStart(yaml)) : [];
  const shown = preview ? body.slice(0, PREVIEW_LINES) : [];
  const object = `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}`;
  return (
    <div className="mt-1 min-w-0 text-xs">
      {sentence && (
        <p className="text-slate-700 [overflow-wrap:anywhere]">
          <span className="font-semibold">Fix: </span>
          {sentence}
        </p>
      )}
      {shown.length > 0 && (
        <pre aria-label="Fix preview" className="mt-1 overflow-x-auto rounded bg-slate-800 p-2 text-[11px] leading-snug text-slate-100">
          {shown.join('\n')}
          {body.length > shown.length ? '\n…' : ''}
        </pre>
      )}
      <details className="mt-1">
        <summary className="cursor-pointer text-slate-600">
          {shown.length > 0 ? 'Whole fix' : yaml ? 'Patch' : 'How to fix'}
          {/* Several of these in one list: a screen reader's list of controls tells them apart. */}
          <span className="sr-only"> for {object}</span>
        </summary>
        <Remediation text={f.remediation} />
      </details>
    </div>
  );
}

/** Where a fix's YAML starts to change something: past an object's apiVersion/kind/metadata header; a bare patch (a fix-first change) from its first line, comments included. */
function bodyStart(yaml: string[]): number {
  if (!yaml.some((l) => /^(apiVersion|kind):/.test(l))) return 0;
  return Math.max(
    0,
    yaml.findIndex((l) => /^(spec|rules|subjects|roleRef|data):/.test(l)),
  );
}
