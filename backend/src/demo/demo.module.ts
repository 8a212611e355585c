import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { DemoService } from './demo.service.js';

@Module({ imports: [IngestModule], providers: [DemoService] })
export class DemoModule {}
