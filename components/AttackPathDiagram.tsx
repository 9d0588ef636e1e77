// One attack path drawn as a chain: a box per step (linking to its object's page), an arrow between
// steps carrying how one leads to the next. Rendered on the server as HTML and inline SVG: no
// script, readable by a screen reader as an ordered list, and it wraps at phone width.
import { objectHref, stepTouches, type ObjectKey } from '@/lib/posture/object-view';
import { TARGET_LABEL } from '@/lib/posture/attack-paths-list';
import type { AttackPath, AttackStep } from '@/lib/posture/types';
import { PostureLink as Link } from './PostureLink';

const linkable = (s: AttackStep) => s.name !== undefined && s.kind !== 'Capability';

function StepBox({ step, first, last, here }: { step: AttackStep; first: boolean; last: boolean; here?: ObjectKey }) {
  const tone = last ? 'border-red-300 bg-red-50' : first ? 'border-amber-300 bg-amber-50' : 'border-slate-300 bg-white';
  const isHere = here !== undefined && linkable(step) && objectHref({ kind: step.kind, namespace: step.namespace, name: step.name! }) === objectHref(here);
  return (
    <div className={`w-full max-w-xl rounded-md border px-3 py-1.5 shadow-sm ${tone} ${isHere ? 'ring-2 ring-sky-500' : ''}`}>
      <p className="text-[11px] font-semibold uppercase tracking-wide text-slate-600">
        {[first ? 'Foothold' : last ? 'Reached' : '', step.kind === 'Capability' ? (last ? '' : 'capability') : step.kind].filter(Boolean).join(' · ')}
      </p>
      <p className="font-mono text-xs text-slate-900 [overflow-wrap:anywhere]">
        {linkable(step) ? (
          <Link
            href={objectHref({ kind: step.kind, namespace: step.namespace, name: step.name! })}
            className="underline decoration-slate-400 hover:decoration-slate-700"
            aria-current={isHere ? 'page' : undefined}
          >
            {step.namespace ? `${step.namespace}/` : ''}
            {step.name}
          </Link>
        ) : (
          step.text
        )}
      </p>
    </div>
  );
}

/** `cut`: the page's object is on this edge (a binding that grants the step): changing it cuts the path here. */
function Arrow({ via, possible, cut }: { via?: string; possible?: boolean; cut?: boolean }) {
  return (
    <div className="flex items-stretch gap-2 pl-4">
      <svg aria-hidden="true" width="12" height="40" viewBox="0 0 12 40" className="shrink-0 text-slate-500">
        <line x1="6" y1="0" x2="6" y2="32" stroke="currentColor" strokeWidth="2" strokeDasharray={possible ? '4 3' : undefined} />
        <path d="M1 30 L6 39 L11 30 Z" fill="currentColor" />
      </svg>
      <p className={`self-center text-xs [overflow-wrap:anywhere] ${cut ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
        {via}
        {cut && <span className="ml-1 rounded bg-red-100 px-1 text-[11px] text-red-900">this object</span>}
        {possible && <span className="ml-1 rounded bg-amber-100 px-1 text-[11px] font-semibold text-amber-900">possible</span>}
      </p>
    </div>
  );
}

/** `here`: the page's own object (its box is ringed and marked as the current page, or the edge it grants marked). */
export function AttackPathDiagram({ path, here }: { path: AttackPath; here?: ObjectKey }) {
  const n = path.steps.length - 1;
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-xs text-slate-600">
        A path to {TARGET_LABEL[path.target]} in {n} step{n === 1 ? '' : 's'}
        {path.possible ? ' (some step only possible)' : ''}
      </figcaption>
      <ol className="flex flex-col" aria-label={`Path to ${TARGET_LABEL[path.target]}`}>
        {path.steps.map((s, i) => (
          <li key={i} className="flex flex-col">
            <StepBox step={s} first={i === 0} last={i === path.steps.length - 1} here={here} />
            {i < path.steps.length - 1 && (
              <Arrow via={s.via} possible={s.possible} cut={here !== undefined && here.kind.endsWith('Binding') && stepTouches(s, here)} />
            )}
          </li>
        ))}
      </ol>
    </figure>
  );
}
