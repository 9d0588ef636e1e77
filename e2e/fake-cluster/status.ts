// metav1.Status bodies, the shape kubectl and client libraries parse errors from.

export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: { name?: string; group?: string; kind?: string },
  ) {
    super(message);
    this.name = 'StatusError';
  }
}

export function statusBody(e: StatusError): object {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: e.message,
    reason: e.reason,
    ...(e.details ? { details: e.details } : {}),
    code: e.code,
  };
}

export const unauthorized = () => new StatusError(401, 'Unauthorized', 'Unauthorized');
export const badRequest = (message: string) => new StatusError(400, 'BadRequest', message);
export const notFound = (message = 'the server could not find the requested resource', details?: StatusError['details']) =>
  new StatusError(404, 'NotFound', message, details);
export const methodNotAllowed = (message: string) => new StatusError(405, 'MethodNotAllowed', message);
export const forbidden = (message: string) => new StatusError(403, 'Forbidden', message);
