import { BadRequestException, Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, NotFoundException, Param, Post, Query, Req, ServiceUnavailableException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { CaseInputError, CaseReportInputError, CheckinFeedInputError, CheckinInputError, CsvSyntaxError, ReliefInputError, ResourceInputError, VenueInputError } from '@epiboard/pipelines';
import { EmptyBatchError, IngestService, QueueFullError, QueueUnavailableError, TooManyRecordsError, type SubmitOptions, type SubmitReceipt } from './ingest.service.js';

const BATCH_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The Idempotency-Key header, if any: resending a request with the same key queues nothing new. */
function options(req: Request): SubmitOptions {
  const key = req.header('idempotency-key');
  if (key === undefined) return {};
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new BadRequestException('Idempotency-Key must be 1 to 200 printable ASCII characters');
  return { idempotencyKey: key };
}

@Controller('api/ingest')
export class IngestController {
  constructor(@Inject(IngestService) private readonly ingest: IngestService) {}

  /** The CDC confirmed-case CSV as published (text/csv), or the same records as a JSON array. */
  @Post('cases')
  @HttpCode(202)
  cases(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    if (req.is('text/csv') || req.is('text/plain')) {
      if (typeof body !== 'string') throw new BadRequestException('empty CSV body');
      return this.accept(() => this.ingest.submitCaseCsv(body, options(req)));
    }
    if (req.is('application/json')) return this.accept(() => this.ingest.submitCaseRecords(body, options(req)));
    throw new UnsupportedMediaTypeException('send the CDC case file as text/csv, or a JSON array as application/json');
  }

  /** A JSON array of { venueCode, time, channel, phone?, appUserId?, partySize }. */
  @Post('checkins')
  @HttpCode(202)
  checkins(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    this.requireJson(req);
    return this.accept(() => this.ingest.submitCheckins(body, options(req)));
  }

  /** The city's case line list: { caseId, reportedAt, confirmedDate, district, imported, ... }, one or an array. */
  @Post('case-reports')
  @HttpCode(202)
  caseReports(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    this.requireJson(req);
    return this.accept(() => this.ingest.submitCaseReports(body, options(req)));
  }

  /** 1922 SMS deliveries: { messageId, from, receivedAt, body }, one or a JSON array. */
  @Post('sms')
  @HttpCode(202)
  sms(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    this.requireJson(req);
    return this.accept(() => this.ingest.submitSms(body, options(req)));
  }

  /** TaipeiPASS scans: { scanId, appUserId, venueCode, time, familyMembers }, one or a JSON array. */
  @Post('scans')
  @HttpCode(202)
  scans(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    this.requireJson(req);
    return this.accept(() => this.ingest.submitScans(body, options(req)));
  }

  /** The venue registry: a JSON array of { code, name, category, district, ... }. */
  @Post('venues')
  @HttpCode(202)
  venues(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    this.requireJson(req);
    return this.accept(() => this.ingest.submitVenues(body, options(req)));
  }

  /** Facility resource snapshots as JSON (one or an array), or the press-figure CSV as text/csv. */
  @Post('resources')
  @HttpCode(202)
  resources(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    if (req.is('text/csv') || req.is('text/plain')) {
      if (typeof body !== 'string') throw new BadRequestException('empty CSV body');
      return this.accept(() => this.ingest.submitCapacityPressCsv(body, options(req)));
    }
    if (req.is('application/json')) {
      this.requireJson(req);
      return this.accept(() => this.ingest.submitResources(body, options(req)));
    }
    throw new UnsupportedMediaTypeException('send snapshots as application/json, or the press-figure CSV as text/csv');
  }

  /** Relief application status events: { applicationId, program, district, status, at, amount? }, one or a JSON array. */
  @Post('relief')
  @HttpCode(202)
  relief(@Req() req: Request, @Body() body: unknown): Promise<SubmitReceipt> {
    this.requireJson(req);
    return this.accept(() => this.ingest.submitRelief(body, options(req)));
  }

  @Get('batches/:id')
  async batch(@Param('id') rawId: string) {
    const id = batchIdParam(rawId);
    const status = await this.ingest.status(id).catch(asHttpError);
    if (!status) throw new NotFoundException(`no batch ${id}`);
    return status;
  }

  /** The rejected records of a batch, identifiers redacted, with the reason for each. */
  @Get('batches/:id/rejected')
  async rejected(@Param('id') rawId: string, @Query('limit') limit = '100') {
    const id = batchIdParam(rawId);
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new BadRequestException('limit must be a whole number from 1 to 10000');
    if (!(await this.ingest.status(id).catch(asHttpError))) throw new NotFoundException(`no batch ${id}`);
    return this.ingest.deadLetters(id, n);
  }

  /** Batches that failed every attempt; their payloads are kept until replayed. */
  @Get('failed')
  failed(@Query('limit') limit = '100') {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new BadRequestException('limit must be a whole number from 1 to 10000');
    return this.ingest.failedBatches(n).catch(asHttpError);
  }

  @Post('failed/:id/replay')
  @HttpCode(202)
  async replay(@Param('id') rawId: string) {
    const id = batchIdParam(rawId);
    const outcome = await this.ingest.replayFailed(id).catch(asHttpError);
    if (outcome === 'unknown') throw new NotFoundException(`no batch ${id}`);
    if (outcome === 'not-failed') throw new HttpException(`batch ${id} has not failed`, HttpStatus.CONFLICT);
    return { batchId: id, state: 'queued' };
  }

  private requireJson(req: Request): void {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeException('send a JSON array with Content-Type: application/json');
    // Express reads an empty JSON body as {}: that is not one empty record, it is no body.
    if (Number(req.headers['content-length'] ?? 0) === 0 && !req.headers['transfer-encoding']) throw new BadRequestException('the body is empty');
  }

  private async accept(submit: () => Promise<SubmitReceipt>): Promise<SubmitReceipt> {
    try {
      return await submit();
    } catch (error) {
      return asHttpError(error);
    }
  }
}

/** Batch ids are UUIDs; any case is accepted. */
function batchIdParam(raw: string): string {
  const id = raw.toLowerCase();
  if (!BATCH_ID.test(id)) throw new BadRequestException('a batch id is the UUID answered by the ingest endpoint');
  return id;
}

/** The edge's own errors as HTTP answers; anything else stays a 500. */
function asHttpError(error: unknown): never {
  const inputErrors = [CaseInputError, CaseReportInputError, CheckinInputError, VenueInputError, CsvSyntaxError, CheckinFeedInputError, EmptyBatchError, ResourceInputError, ReliefInputError];
  if (inputErrors.some((type) => error instanceof type)) throw new BadRequestException((error as Error).message);
  if (error instanceof QueueUnavailableError) throw new ServiceUnavailableException(`${error.message}; retry later`);
  if (error instanceof QueueFullError) throw new HttpException(`${error.message}; nothing was accepted`, HttpStatus.TOO_MANY_REQUESTS);
  if (error instanceof TooManyRecordsError) throw new HttpException(error.message, HttpStatus.PAYLOAD_TOO_LARGE);
  throw error;
}
