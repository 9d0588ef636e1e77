import { allowed } from '../../audit/event';
import { objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

/** Clients no controller or kubectl identifies as: hand-written scripts and HTTP tools. */
const UNUSUAL = /^(curl|wget|python-requests|python-urllib|python-httpx|aiohttp|Go-http-client|PostmanRuntime|insomnia|okhttp|Wget|libwww-perl|HTTPie|node-fetch|axios)\b/i;

export default defineDetection({
  id: 'api-abuse.secrets-unusual-user-agent',
  severity: 'medium',
  title: 'Secrets are read by the usual clients only',
  remediation:
    'Secrets read by curl, scripts or raw HTTP libraries often mean a stolen token in use. The user agent is set by the client and proves nothing either way: find out who holds the credential, and rotate it and the Secrets if the reads were not expected.',
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match: (e) =>
      on(e, 'secrets') && ['get', 'list', 'watch'].includes(e.verb ?? '') && UNUSUAL.test(e.userAgent ?? '') && allowed(e)
        ? { object: objectOf(e), what: 'read Secrets with a scripting client:' }
        : null,
  },
});
