// Where notifications go: NOTIFY_WEBHOOK_URL (generic JSON), NOTIFY_SLACK_URL, NOTIFY_TEAMS_URL,
// or a mounted JSON file NOTIFY_CONFIG_FILE {"webhookUrl", "slackUrl", "teamsUrl", "minSeverity"}
// (the environment wins). The URLs are credentials (their path is the secret): they are never
// logged, shown or put in an error message; `label` is what may be shown.
import { readFileSync } from 'node:fs';
import { SEVERITIES, type Severity } from '../../posture/types';

export type ChannelKind = 'webhook' | 'slack' | 'teams';

export interface Channel {
  kind: ChannelKind;
  url: string;
  /** Safe to log: the kind and the host only. */
  label: string;
}

export interface NotifyConfig {
  channels: Channel[];
  minSeverity: Severity;
}

export function notifyConfig(env: Record<string, string | undefined> = process.env, readFile = (p: string) => readFileSync(p, 'utf8')): NotifyConfig {
  let file: Record<string, unknown> = {};
  if (env.NOTIFY_CONFIG_FILE) {
    try {
      file = JSON.parse(readFile(env.NOTIFY_CONFIG_FILE)) as Record<string, unknown>;
    } catch {
      // Not the file's content: it holds the URLs.
      console.error('[notify] NOTIFY_CONFIG_FILE could not be read as JSON; notifications from it are off');
    }
  }
  const pick = (envKey: string, fileKey: string) => env[envKey] || (typeof file[fileKey] === 'string' ? (file[fileKey] as string) : '');
  const channels: Channel[] = [];
  for (const [kind, url] of [
    ['webhook', pick('NOTIFY_WEBHOOK_URL', 'webhookUrl')],
    ['slack', pick('NOTIFY_SLACK_URL', 'slackUrl')],
    ['teams', pick('NOTIFY_TEAMS_URL', 'teamsUrl')],
  ] as const) {
    if (!url) continue;
    const label = safeLabel(kind, url);
    if (label === null) console.error(`[notify] the ${kind} URL is not an http(s) URL; that channel is off`);
    else channels.push({ kind, url, label });
  }
  const sev = (env.NOTIFY_MIN_SEVERITY || (typeof file.minSeverity === 'string' ? file.minSeverity : '') || 'critical').toLowerCase();
  return { channels, minSeverity: SEVERITIES.includes(sev as Severity) ? (sev as Severity) : 'critical' };
}

/** "slack (hooks.slack.com)": never the path, query or user info, which carry the secret. */
export function safeLabel(kind: string, url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${kind} (${u.host})`;
  } catch {
    return null;
  }
}
