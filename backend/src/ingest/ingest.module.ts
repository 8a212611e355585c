import { Module } from '@nestjs/common';
import { IngestController } from './ingest.controller.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';
import { IngestWorker } from './ingest.worker.js';
import { IngestWriter } from './ingest.writer.js';

@Module({
  controllers: [IngestController],
  providers: [IngestRepository, IngestService, IngestWriter, IngestWorker],
  exports: [IngestService, IngestWorker],
})
export class IngestModule {}
