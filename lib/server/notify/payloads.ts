// The message each channel gets for a batch of new findings: generic JSON, Slack's incoming
// webhook ({text, blocks} with mrkdwn sections) and Microsoft Teams (a message with an Adaptive
// Card attachment, which Teams Workflows and incoming webhooks accept). Above DIGEST_AFTER
// findings, one digest lists the first few and counts the rest.
import type { Finding } from '../../posture/types';
import type { ChannelKind } from './config';

export const DIGEST_AFTER = 5;
const LISTED_IN_DIGEST = 10;

export interface Batch {
  cluster: string;
  findings: Finding[];
}

export function payloadFor(kind: ChannelKind, b: Batch): unknown {
  if (kind === 'webhook') return { cluster: b.cluster, count: b.findings.length, findings: b.findings.map(summary) };
  const lines = listed(b).map(line);
  const more = b.findings.length - listed(b).length;
  const title = `kube-posture: ${b.findings.length} new finding${b.findings.length === 1 ? '' : 's'} on ${b.cluster}`;
  if (kind === 'slack') {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = [...lines.map(esc), ...(more > 0 ? [`…and ${more} more`] : [])].join('\n').slice(0, 2900);
    return { text: esc(title), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${esc(title)}*` } }, { type: 'section', text: { type: 'mrkdwn', text: body } }] };
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
            ...lines.map((text) => ({ type: 'TextBlock', text, wrap: true })),
            ...(more > 0 ? [{ type: 'TextBlock', text: `…and ${more} more`, wrap: true }] : []),
          ],
        },
      },
    ],
  };
}

function listed(b: Batch): Finding[] {
  return b.findings.length > DIGEST_AFTER ? b.findings.slice(0, LISTED_IN_DIGEST) : b.findings;
}

function line(f: Finding): string {
  const where = `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}`;
  return `[${f.severity}] ${f.title}: ${where}${f.owner ? ` (owner ${f.owner})` : ''}`.slice(0, 300);
}

function summary(f: Finding) {
  return { checkId: f.checkId, severity: f.severity, title: f.title, message: f.message, resource: f.resource, owner: f.owner ?? null };
}
