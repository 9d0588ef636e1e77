// One attack path drawn twice: as a graph (the path and the other kept paths to the same target
// that share its steps, laid out by dagre on the server: attack-path-graph.ts), and as a chain, a
// box per step (linking to its object's page) and an arrow carrying how one leads to the next,
// which a screen reader reads as an ordered list and which wraps at phone width. No script.
import { objectHref, stepTouches, type ObjectKey } from '@/lib/posture/object-view';
import { pathId, TARGET_LABEL } from '@/lib/posture/attack-paths-list';
import type { AttackPath, AttackStep } from '@/lib/posture/types';
import { layoutPathGraph, NODE_H, NODE_W, type GraphNode } from './attack-path-graph';
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

const ROLE_TONE: Record<GraphNode['role'], string> = {
  foothold: 'fill-amber-50 stroke-amber-300',
  target: 'fill-red-50 stroke-red-300',
  step: 'fill-white stroke-slate-300',
};
const CHARS = 30; // of 11px monospace in a box NODE_W wide
const MIN_W = 480; // px: below it the boxes' text grows too small to read

const cut = (s: string) => (s.length > CHARS ? `${s.slice(0, CHARS - 1)}…` : s);
const nameOf = (s: AttackStep) => (s.name !== undefined ? `${s.namespace ? `${s.namespace}/` : ''}${s.name}` : s.text);
const kindOf = (n: GraphNode) =>
  [
    n.role === 'foothold' ? 'Foothold' : n.role === 'target' ? 'Reached' : '',
    n.step.kind === 'Capability' ? (n.role === 'target' ? '' : 'capability') : n.step.kind,
  ]
    .filter(Boolean)
    .join(' · ');

/** The path in context, as an image: its steps strong, the other paths' faint, "possible" edges dashed. */
function PathGraph({ path, context, here }: { path: AttackPath; context: readonly AttackPath[]; here?: ObjectKey }) {
  const g = layoutPathGraph(path, context);
  const id = `apg-${pathId(path)}${here ? '-o' : ''}`;
  const isHere = (s: AttackStep) =>
    here !== undefined && linkable(s) && objectHref({ kind: s.kind, namespace: s.namespace, name: s.name! }) === objectHref(here);
  const first = path.steps[0]!;
  const last = path.steps[path.steps.length - 1]!;
  const summary =
    `Graph of the path from ${first.text} to ${last.text} in ${path.steps.length - 1} steps` +
    (g.others ? `, with ${g.others} other path${g.others === 1 ? '' : 's'} to ${TARGET_LABEL[path.target]} that share its steps, drawn faint` : '') +
    '. The steps are listed below.';
  return (
    <div className="min-w-0 rounded border border-slate-200 bg-slate-50 p-1">
      {/* Its natural size, shrunk to the column when wider, but not below MIN_W: on a phone it scrolls sideways (the steps are listed in words below). */}
      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Attack path graph (scrolls sideways)">
        <svg
          role="img"
          aria-labelledby={`${id}-t`}
          width={g.width}
          height={g.height}
          viewBox={`0 0 ${g.width} ${g.height}`}
          className="mx-auto block h-auto max-w-full"
          style={{ minWidth: Math.min(g.width, MIN_W) }}
        >
          <title id={`${id}-t`}>{summary}</title>
          <defs>
            {(['on', 'off'] as const).map((k) => (
              <marker key={k} id={`${id}-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0 0 L10 5 L0 10 Z" className={k === 'on' ? 'fill-slate-700' : 'fill-slate-400'} />
              </marker>
            ))}
          </defs>
          {/* Faint edges first, so the selected path's edges are drawn over them. */}
          {[...g.edges]
            .sort((a, b) => Number(a.selected) - Number(b.selected))
            .map((e, i) => (
              <path
                key={i}
                d={e.points.map((p, j) => `${j ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ')}
                fill="none"
                className={e.selected ? 'stroke-slate-700' : 'stroke-slate-400'}
                strokeWidth={e.selected ? 2 : 1}
                strokeDasharray={e.possible ? '5 4' : undefined}
                markerEnd={`url(#${id}-${e.selected ? 'on' : 'off'})`}
              >
                <title>{`${e.via}${e.possible ? ' (possible)' : ''}`}</title>
              </path>
            ))}
          {g.nodes.map((n) => {
            const x = n.x - NODE_W / 2;
            const y = n.y - NODE_H / 2;
            const mine = isHere(n.step);
            return (
              <g key={n.key} opacity={n.selected ? 1 : 0.75}>
                <title>{`${kindOf(n)}: ${n.step.text}`}</title>
                <rect
                  x={x}
                  y={y}
                  width={NODE_W}
                  height={NODE_H}
                  rx={6}
                  className={`${ROLE_TONE[n.role]} ${mine ? 'stroke-sky-500' : n.selected ? '' : 'stroke-slate-200'}`}
                  strokeWidth={mine ? 3 : n.selected ? 1.5 : 1}
                />
                <text x={x + 8} y={y + 15} fontSize={10} fontWeight={600} className="fill-slate-600">
                  {cut(kindOf(n).toUpperCase())}
                </text>
                <text x={x + 8} y={y + 32} fontSize={11} fontFamily="ui-monospace, monospace" className={n.selected ? 'fill-slate-900' : 'fill-slate-600'}>
                  {cut(nameOf(n.step))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      {g.leftOut > 0 && (
        <p className="px-1 text-[11px] text-slate-600">
          {g.leftOut} more path{g.leftOut === 1 ? '' : 's'} to {TARGET_LABEL[path.target]} share its steps (not drawn, to keep it legible).
        </p>
      )}
    </div>
  );
}

/**
 * `here`: the page's own object (its box is ringed and marked as the current page, or the edge it grants marked).
 * `context`: other paths (the page's) of which those to the same target sharing a step are drawn beside it.
 */
export function AttackPathDiagram({ path, here, context = [] }: { path: AttackPath; here?: ObjectKey; context?: readonly AttackPath[] }) {
  const n = path.steps.length - 1;
  return (
    <figure className="flex min-w-0 flex-col gap-1">
      <figcaption className="text-xs text-slate-600">
        A path to {TARGET_LABEL[path.target]} in {n} step{n === 1 ? '' : 's'}
        {path.possible ? ' (some step only possible)' : ''}
      </figcaption>
      <PathGraph path={path} context={context} here={here} />
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
