import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { redactPhoneLike } from '@epiboard/pipelines';

/** A JSON body for every error, the same shape everywhere. */
function send(res: Response, status: number, message: string): void {
  if (status === 503 || status === 429) res.setHeader('Retry-After', '5');
  res.status(status).json({ statusCode: status, error: httpReason(status), message });
}

function httpReason(status: number): string {
  return { 400: 'Bad Request', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 503: 'Service Unavailable' }[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

/** Bodies are UTF-8: a declared other charset is refused rather than decoded into nonsense. */
export function requireUtf8(req: Request, res: Response, next: NextFunction): void {
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return send(res, 415, `the body must be UTF-8, not ${charset.slice(0, 20)}`);
  next();
}

/**
 * Errors of the body parsers, turned into clear answers. Their own messages can quote the body
 * (V8's JSON errors show a snippet, which may hold a phone number), so none is passed on or logged.
 */
export function bodyParserErrors(maxBodyBytes: number) {
  return (error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction): void => {
    switch (error?.type) {
      case 'entity.parse.failed':
        return send(res, 400, 'the body is not valid JSON');
      case 'entity.too.large':
        return send(res, 413, `the body is larger than the limit of ${Math.round(maxBodyBytes / 1048576)} MB; split it into several requests`);
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return send(res, 415, 'the body must be UTF-8');
      case 'request.aborted':
        return send(res, 400, 'the request was aborted before its body arrived');
      default:
        if (error?.type) return send(res, error.status ?? 400, 'the body could not be read');
        next(error);
    }
  };
}

/** HttpExceptions pass through as they are; anything else is a 500 whose detail goes to the log only, redacted. */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      return send(res, exception.getStatus(), Array.isArray(message) ? message.join('; ') : String(message));
    }
    const req = host.switchToHttp().getRequest<Request>();
    this.logger.error(`${req.method} ${req.path}: ${redactPhoneLike(String((exception as Error)?.stack ?? exception))}`);
    send(res, 500, 'internal error; the details are in the server log');
  }
}
