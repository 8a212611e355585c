import { Module } from '@nestjs/common';
import { CaseReportsController } from './case-reports.controller.js';

@Module({ controllers: [CaseReportsController] })
export class CaseReportsModule {}
